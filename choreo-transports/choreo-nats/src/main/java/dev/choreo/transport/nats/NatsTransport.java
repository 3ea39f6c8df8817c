package dev.choreo.transport.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.internal.Redaction;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.SafeUrl;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport over NATS: topics are subjects (wildcards {@code *} and {@code >} allowed),
 * headers and reply subjects travel both ways. Each subscription is flushed to the server
 * before {@code subscribe} completes, so a message published afterwards is always
 * delivered. <pre class="code">
 * Transport nats = NatsTransport.builder("nats://127.0.0.1:4222")
 *     .auth(AuthResolver.from(() -&gt; NatsAuth.userPassword("choreo", System.getenv("NATS_PASSWORD"))))
 *     .build();
 * </pre> Built from server URLs, the transport owns its connection: it reconnects after
 * the server comes back (reporting the loss and the recovery to running scenarios, the
 * recovery once the server has its subscriptions again) and closes it with the harness.
 * Built {@linkplain #using(Connection) from an application's connection}, it only adds
 * and removes its own subscriptions, and follows the connection's status.
 * <p>
 * The transport counts as connected while its connection is and its dispatcher delivers.
 * A handler that throws, or leaves its thread interrupted, cannot stop the dispatcher; a
 * dispatcher that stops anyway (its thread interrupted from elsewhere) is reported as a
 * lost connection, replaced, and given every subscription again.
 *
 * @since 0.1.0
 */
public final class NatsTransport implements Transport {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(NatsTransport.class);

		private Log() {
		}

	}

	private static final TransportCapabilities CAPABILITIES = new TransportCapabilities(true, false, true, true, true,
			true);

	private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

	private final List<String> servers;

	private final Duration connectTimeout;

	private final Duration flushTimeout;

	private final String connectionName;

	private final @Nullable AuthResolver<?> auth;

	private final Consumer<Options.Builder> customizer;

	private final @Nullable Connection external;

	private volatile @Nullable Connection connection;

	private volatile @Nullable Dispatcher dispatcher;

	private volatile TransportListener listener = TransportListener.NONE;

	private volatile @Nullable ScheduledExecutorService watchdog;

	private final Set<NatsSubscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final Health health = new Health();

	private NatsTransport(Builder builder) {
		this.servers = List.copyOf(builder.servers);
		this.connectTimeout = builder.connectTimeout;
		this.flushTimeout = builder.flushTimeout;
		this.connectionName = builder.connectionName;
		this.auth = builder.auth;
		this.customizer = builder.customizer;
		this.external = null;
	}

	private NatsTransport(Connection connection) {
		this.servers = List.of(connectedUrl(connection));
		this.connectTimeout = Duration.ofSeconds(5);
		this.flushTimeout = Duration.ofSeconds(5);
		this.connectionName = "choreo";
		this.auth = null;
		this.customizer = (options) -> {
		};
		this.external = connection;
	}

	private static String connectedUrl(Connection connection) {
		String url = connection.getConnectedUrl();
		return (url != null) ? url : String.join(",", connection.getServers());
	}

	/**
	 * Start building a transport that connects to NATS servers.
	 * @param servers the server URLs, such as {@code nats://127.0.0.1:4222}
	 * @return the builder
	 */
	public static Builder builder(String... servers) {
		return new Builder(List.of(servers));
	}

	/**
	 * Create a transport over an application's existing connection. The transport never
	 * closes it.
	 * @param connection the connection
	 * @return the transport
	 */
	public static NatsTransport using(Connection connection) {
		return new NatsTransport(Objects.requireNonNull(connection, "connection"));
	}

	@Override
	public String name() {
		return "nats";
	}

	@Override
	public List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String server : this.servers) {
			for (String part : server.split(",")) {
				if (!part.isBlank()) {
					endpoints.add(new Endpoint(EndpointCategory.NATS, part.trim()));
				}
			}
		}
		return endpoints;
	}

	@Override
	public synchronized void connect(TransportListener listener) {
		if (this.connection != null) {
			return;
		}
		this.listener = Objects.requireNonNull(listener, "listener");
		this.health.reset();
		Connection connection = (this.external != null) ? this.external : open();
		Dispatcher dispatcher = connection.createDispatcher();
		this.dispatcher = dispatcher;
		this.connection = connection;
		ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "choreo-nats-watchdog-" + this.connectionName);
			thread.setDaemon(true);
			return thread;
		});
		watchdog.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
		this.watchdog = watchdog;
	}

	private Connection open() {
		Options.Builder options = new Options.Builder().servers(this.servers.toArray(String[]::new))
			.connectionName(this.connectionName)
			.connectionTimeout(this.connectTimeout)
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(250))
			.connectionListener(this::connectionEvent)
			.errorListener(new QuietErrorListener(this::clientException));
		if (this.auth != null) {
			AuthResolver<?> resolver = this.auth;
			NatsCredentials.apply(Auth.resolve(resolver, NatsAuth.class, name(), this.connectTimeout), options,
					() -> Auth.resolveAgain(resolver, NatsAuth.class, name(), this.connectTimeout),
					this::reresolveFailed);
		}
		this.customizer.accept(options);
		try {
			return Nats.connect(options.build());
		}
		catch (IOException | RuntimeException ex) {
			throw new TransportException("Could not connect to NATS at " + safeServers() + " within "
					+ this.connectTimeout.toMillis() + "ms: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException("Interrupted while connecting to NATS at " + safeServers());
		}
	}

	private String safeServers() {
		return this.servers.stream().map(SafeUrl::redact).toList().toString();
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		String text = ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return Redaction.scrub(SafeUrl.redact(text), null);
	}

	/**
	 * Follow the owned connection: lost when it disconnects, back once jnats has sent
	 * every subscription again and the server confirmed them.
	 */
	private void connectionEvent(Connection connection, ConnectionListener.Events event) {
		switch (event) {
			case DISCONNECTED -> this.health.lost("disconnected from NATS at " + safeServers());
			case RESUBSCRIBED -> runOnWatchdog(() -> confirmResubscribed(connection));
			default -> {
			}
		}
	}

	private void confirmResubscribed(Connection connection) {
		try {
			connection.flush(this.flushTimeout);
			this.health.restored();
		}
		catch (TimeoutException | RuntimeException ex) {
			this.health.stillLost("NATS did not confirm the subscriptions after reconnecting: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void reresolveFailed(RuntimeException ex) {
		this.health.stillLost("could not resolve the NATS credentials again before reconnecting to " + safeServers()
				+ ": " + describe(ex));
	}

	private void clientException(Connection connection, Exception exception) {
		if (this.health.isDown()) {
			this.health.stillLost("could not reconnect to NATS at " + safeServers() + ": " + describe(exception));
		}
	}

	private void runOnWatchdog(Runnable task) {
		ScheduledExecutorService watchdog = this.watchdog;
		if (watchdog != null) {
			try {
				watchdog.execute(task);
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	/**
	 * Runs every {@link #WATCH_INTERVAL}: replaces a dispatcher that stopped, and follows
	 * the status of an application's connection, which reports its events to the
	 * application only.
	 */
	private synchronized void watch() {
		Connection connection = this.connection;
		Dispatcher dispatcher = this.dispatcher;
		if (connection == null || dispatcher == null) {
			return;
		}
		if (this.external != null) {
			if (connection.getStatus() != Connection.Status.CONNECTED) {
				this.health.lost("the application's NATS connection to " + safeServers() + " is "
						+ connection.getStatus().toString().toLowerCase(Locale.ROOT));
				return;
			}
			if (dispatcher.isActive()) {
				this.health.restored();
			}
		}
		if (!dispatcher.isActive() && connection.getStatus() == Connection.Status.CONNECTED) {
			replaceDispatcher(connection, dispatcher);
		}
	}

	/**
	 * Give every subscription to a new dispatcher, confirm them with the server, then
	 * close the one that stopped.
	 */
	private void replaceDispatcher(Connection connection, Dispatcher stopped) {
		this.health.lost("the NATS dispatcher of the connection to " + safeServers() + " stopped; restarting it");
		Dispatcher fresh = connection.createDispatcher();
		for (NatsSubscription subscription : this.subscriptions) {
			subscription.moveTo(fresh);
		}
		this.dispatcher = fresh;
		try {
			connection.flush(this.flushTimeout);
		}
		catch (TimeoutException | RuntimeException ex) {
			this.health.stillLost("NATS did not confirm the subscriptions of the new dispatcher: " + describe(ex));
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		finally {
			closeQuietly(connection, stopped);
		}
		Log.logger.warn("The NATS dispatcher stopped and was replaced; messages that arrived meanwhile may be lost");
		this.health.restored();
	}

	private static void closeQuietly(Connection connection, Dispatcher dispatcher) {
		try {
			connection.closeDispatcher(dispatcher);
		}
		catch (RuntimeException ex) {
			// already closed
		}
	}

	/**
	 * Return whether the connection is up and its dispatcher delivers: {@code false} from
	 * a disconnection until jnats has reconnected and sent the subscriptions again.
	 * @return whether the transport is connected
	 */
	@Override
	public boolean isConnected() {
		Connection connection = this.connection;
		Dispatcher dispatcher = this.dispatcher;
		return connection != null && dispatcher != null && !this.health.isDown()
				&& connection.getStatus() == Connection.Status.CONNECTED && dispatcher.isActive();
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Connection connection = requireConnection("subscribe to '" + topic + "'");
		NatsSubscription subscription;
		synchronized (this) {
			subscription = new NatsSubscription(topic, handler, Objects.requireNonNull(this.dispatcher));
			this.subscriptions.add(subscription);
		}
		try {
			connection.flush(this.flushTimeout);
		}
		catch (TimeoutException ex) {
			subscription.unsubscribe();
			return CompletableFuture.failedFuture(new TransportException("NATS did not confirm the subscription to '"
					+ topic + "' within " + this.flushTimeout.toMillis() + "ms"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			subscription.unsubscribe();
			return CompletableFuture
				.failedFuture(new TransportException("Interrupted while subscribing to '" + topic + "'"));
		}
		return CompletableFuture.completedFuture(subscription);
	}

	/**
	 * Hand a message to a handler on the dispatcher's thread. Whatever the handler throws
	 * is logged, and an interrupt it leaves behind is cleared, since either would stop
	 * the dispatcher.
	 */
	private static void deliver(InboundHandler handler, Message message) {
		try {
			handler.onMessage(new TransportMessage(message.getSubject(), data(message), headers(message), null,
					message.getReplyTo()));
		}
		catch (RuntimeException | Error ex) {
			Log.logger.warn("A handler of NATS subject '{}' raised {}; delivery goes on", message.getSubject(),
					ex.getClass().getName());
		}
		finally {
			if (Thread.interrupted()) {
				Log.logger.warn("A handler of NATS subject '{}' left its thread interrupted; the interrupt was cleared",
						message.getSubject());
			}
		}
	}

	private static byte[] data(Message message) {
		byte[] data = message.getData();
		return (data != null) ? data : new byte[0];
	}

	private static Map<String, String> headers(Message message) {
		Headers headers = message.getHeaders();
		if (headers == null || headers.isEmpty()) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (String key : headers.keySet()) {
			String value = headers.getFirst(key);
			if (value != null) {
				result.put(key, value);
			}
		}
		return result;
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		Connection connection = requireConnection("publish to '" + message.topic() + "'");
		NatsMessage.Builder builder = NatsMessage.builder().subject(message.topic()).data(message.payload());
		if (!message.headers().isEmpty()) {
			Headers headers = new Headers();
			message.headers().forEach(headers::put);
			builder.headers(headers);
		}
		if (message.replyTo() != null) {
			builder.replyTo(message.replyTo());
		}
		try {
			connection.publish(builder.build());
		}
		catch (RuntimeException ex) {
			callback
				.onError(new TransportException("NATS publish to '" + message.topic() + "' failed: " + describe(ex)));
			return;
		}
		callback.onSent();
	}

	private Connection requireConnection(String action) {
		Connection connection = this.connection;
		if (connection == null) {
			throw new TransportException("The NATS transport is not connected; cannot " + action);
		}
		return connection;
	}

	@Override
	public TransportCapabilities capabilities() {
		return CAPABILITIES;
	}

	@Override
	public void close() {
		ScheduledExecutorService watchdog;
		synchronized (this) {
			watchdog = this.watchdog;
			this.watchdog = null;
		}
		if (watchdog != null) {
			watchdog.shutdownNow();
			try {
				watchdog.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeConnection();
	}

	private synchronized void closeConnection() {
		Connection connection = this.connection;
		Dispatcher dispatcher = this.dispatcher;
		this.connection = null;
		this.dispatcher = null;
		this.subscriptions.clear();
		if (connection == null) {
			return;
		}
		if (dispatcher != null && this.external != null) {
			connection.closeDispatcher(dispatcher);
		}
		if (this.external == null) {
			try {
				connection.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public String toString() {
		return "NatsTransport[servers=" + safeServers() + ", connected=" + isConnected() + "]";
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * A subscription on the current dispatcher, moved to a new one if that stops.
	 */
	private final class NatsSubscription implements Subscription {

		private final String topic;

		private final InboundHandler handler;

		private Dispatcher dispatcher;

		private io.nats.client.Subscription subscription;

		private boolean active = true;

		NatsSubscription(String topic, InboundHandler handler, Dispatcher dispatcher) {
			this.topic = topic;
			this.handler = handler;
			this.dispatcher = dispatcher;
			this.subscription = dispatcher.subscribe(topic, (message) -> deliver(handler, message));
		}

		@Override
		public String topic() {
			return this.topic;
		}

		synchronized void moveTo(Dispatcher fresh) {
			if (this.active) {
				this.subscription = fresh.subscribe(this.topic, (message) -> deliver(this.handler, message));
				this.dispatcher = fresh;
			}
		}

		@Override
		public synchronized void unsubscribe() {
			if (!this.active) {
				return;
			}
			this.active = false;
			NatsTransport.this.subscriptions.remove(this);
			try {
				if (this.subscription.isActive()) {
					this.dispatcher.unsubscribe(this.subscription);
				}
			}
			catch (IllegalStateException ex) {
				// the dispatcher or connection is already closed: nothing is delivered
				// any more
			}
		}

		@Override
		public String toString() {
			return "NatsSubscription[" + this.topic + "]";
		}

	}

	/**
	 * Whether the connection counts as lost, told to the listener once per change.
	 */
	private final class Health {

		private boolean down;

		synchronized void reset() {
			this.down = false;
		}

		synchronized boolean isDown() {
			return this.down;
		}

		void lost(String description) {
			synchronized (this) {
				if (this.down) {
					return;
				}
				this.down = true;
			}
			NatsTransport.this.listener.connectionLost(description, null);
		}

		void stillLost(String description) {
			if (isDown()) {
				NatsTransport.this.listener.reconnectFailed(description, null);
			}
		}

		void restored() {
			synchronized (this) {
				if (!this.down) {
					return;
				}
				this.down = false;
			}
			NatsTransport.this.listener.connectionRestored();
		}

	}

	/**
	 * Builds a {@link NatsTransport}.
	 */
	public static final class Builder {

		private final List<String> servers;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration flushTimeout = Duration.ofSeconds(5);

		private String connectionName = "choreo";

		private @Nullable AuthResolver<?> auth;

		private Consumer<Options.Builder> customizer = (options) -> {
		};

		private Builder(List<String> servers) {
			if (servers.isEmpty() || servers.stream().anyMatch((server) -> server == null || server.isBlank())) {
				throw new IllegalArgumentException("NATS needs at least one server URL, such as nats://127.0.0.1:4222");
			}
			this.servers = servers;
		}

		/**
		 * Set how long connecting may take (default 5 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Set how long the server may take to confirm a subscription (default 5 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder flushTimeout(Duration timeout) {
			this.flushTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Set the connection name the server shows (default {@code choreo}).
		 * @param name the name
		 * @return this builder
		 */
		public Builder connectionName(String name) {
			this.connectionName = Objects.requireNonNull(name, "name");
			return this;
		}

		/**
		 * Set the credentials, resolved at every connect and cleared once the connection
		 * has them. A user and password, or a token, are resolved again before every
		 * reconnect attempt of the connection, so credentials rotated while connected are
		 * used once it reconnects; if the resolver fails then, or answers with the
		 * descriptor of the connect ({@link AuthResolver#of}), the attempt uses the
		 * previous ones, and a failure is reported as the reason the connection is still
		 * lost. The resolver must keep answering with the same kind of credentials. An
		 * NKey seed, a credentials file (which jnats reads at every attempt) and TLS
		 * settings stay those of the connect. The per-attempt credentials are handed to
		 * jnats through the options' server pool and token supplier, so an
		 * {@linkplain #options(Consumer) options customizer} that replaces either turns
		 * this off. As jnats gives up after the same authentication error twice in a row
		 * on one server, the resolver should answer with the new credentials by the time
		 * the server stops accepting the old ones.
		 * @param auth the credentials resolver
		 * @return this builder
		 */
		public Builder auth(AuthResolver<?> auth) {
			this.auth = Objects.requireNonNull(auth, "auth");
			return this;
		}

		/**
		 * Adjust the jnats options before connecting.
		 * @param customizer changes the options builder
		 * @return this builder
		 */
		public Builder options(Consumer<Options.Builder> customizer) {
			this.customizer = Objects.requireNonNull(customizer, "customizer");
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 * @throws dev.choreo.auth.ConflictingAuthException if a server URL carries
		 * credentials and {@link #auth(AuthResolver)} was set too
		 */
		public NatsTransport build() {
			for (String server : this.servers) {
				Auth.checkNoConflict(server, this.auth, "NATS");
			}
			return new NatsTransport(this);
		}

	}

}

package dev.choreo.transport.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

/**
 * A transport over NATS: topics are subjects (wildcards {@code *} and {@code >} allowed),
 * headers and reply subjects travel both ways. Each subscription is flushed to the server
 * before {@code subscribe} completes, so a message published afterwards is always
 * delivered. <pre class="code">
 * Transport nats = NatsTransport.builder("nats://127.0.0.1:4222")
 *     .auth(AuthResolver.from(() -&gt; NatsAuth.userPassword("choreo", System.getenv("NATS_PASSWORD"))))
 *     .build();
 * </pre> Built from server URLs, the transport owns its connection: it reconnects after
 * the server comes back (reporting the loss and the recovery to running scenarios) and
 * closes it with the harness. Built {@linkplain #using(Connection) from an application's
 * connection}, it only adds and removes its own subscriptions.
 *
 * @since 0.1.0
 */
public final class NatsTransport implements Transport {

	private static final TransportCapabilities CAPABILITIES = new TransportCapabilities(true, false, true, true, true,
			true);

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
		Connection connection = (this.external != null) ? this.external : open();
		Dispatcher dispatcher = connection.createDispatcher();
		this.dispatcher = dispatcher;
		this.connection = connection;
	}

	private Connection open() {
		Options.Builder options = new Options.Builder().servers(this.servers.toArray(String[]::new))
			.connectionName(this.connectionName)
			.connectionTimeout(this.connectTimeout)
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(250))
			.connectionListener(this::connectionEvent)
			.errorListener(new QuietErrorListener());
		if (this.auth != null) {
			NatsCredentials.apply(Auth.resolve(this.auth, NatsAuth.class, name(), this.connectTimeout), options);
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

	private void connectionEvent(Connection connection, ConnectionListener.Events event) {
		switch (event) {
			case DISCONNECTED -> this.listener.connectionLost("disconnected from NATS at " + safeServers(), null);
			case RECONNECTED -> this.listener.connectionRestored();
			default -> {
			}
		}
	}

	@Override
	public boolean isConnected() {
		return this.connection != null;
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Connection connection = requireConnection("subscribe to '" + topic + "'");
		Dispatcher dispatcher = Objects.requireNonNull(this.dispatcher);
		io.nats.client.Subscription subscription = dispatcher.subscribe(topic, (message) -> deliver(handler, message));
		try {
			connection.flush(this.flushTimeout);
		}
		catch (TimeoutException ex) {
			dispatcher.unsubscribe(subscription);
			return CompletableFuture.failedFuture(new TransportException("NATS did not confirm the subscription to '"
					+ topic + "' within " + this.flushTimeout.toMillis() + "ms"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			dispatcher.unsubscribe(subscription);
			return CompletableFuture
				.failedFuture(new TransportException("Interrupted while subscribing to '" + topic + "'"));
		}
		return CompletableFuture.completedFuture(new NatsSubscription(topic, dispatcher, subscription));
	}

	private static void deliver(InboundHandler handler, Message message) {
		handler.onMessage(new TransportMessage(message.getSubject(), data(message), headers(message), null,
				message.getReplyTo()));
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
	public synchronized void close() {
		Connection connection = this.connection;
		Dispatcher dispatcher = this.dispatcher;
		this.connection = null;
		this.dispatcher = null;
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

	private record NatsSubscription(String topic, Dispatcher dispatcher,
			io.nats.client.Subscription subscription) implements Subscription {

		@Override
		public void unsubscribe() {
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
		 * has them.
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

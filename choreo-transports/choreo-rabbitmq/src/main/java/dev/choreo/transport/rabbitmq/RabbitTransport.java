package dev.choreo.transport.rabbitmq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RabbitAuth;
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
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A transport over RabbitMQ (AMQP 0-9-1): a topic is a routing key on a topic exchange
 * ({@code amq.topic} unless configured; the wildcards {@code *} and {@code #} work in
 * subscriptions), and each subscription is an exclusive, auto-delete queue bound with
 * that key, consumed once the broker confirmed the consumer. Publishing waits for the
 * broker's publisher confirm. <pre class="code">
 * Transport rabbit = RabbitTransport.builder("amqp://127.0.0.1:5672")
 *     .auth(AuthResolver.from(() -&gt; RabbitAuth.userPassword("choreo", System.getenv("RABBIT_PASSWORD"))))
 *     .build();
 * Transport shared = RabbitTransport.builder(applicationConnectionFactory).exchange("orders").build();
 * </pre>
 * <p>
 * Two topic prefixes address other destinations: {@code queue:<name>} publishes through
 * the default exchange straight to a queue, and {@code exchange:<name>/<routing key>}
 * publishes to (or subscribes on) another exchange. An inbound message's {@code reply_to}
 * becomes its reply address in the same form, so {@code scenario.on(topic).respond(...)}
 * answers a {@code RabbitTemplate} send-and-receive request (direct reply-to included) on
 * {@code queue:<reply queue>}, with the request's correlation id; an outbound reply
 * address is written as Spring AMQP's {@code exchange/routingKey}, or as the queue name
 * for {@code queue:} topics.
 * <p>
 * Message properties travel as headers: the AMQP headers table as strings, and the
 * {@code correlation_id} and {@code content_type} properties as the headers
 * {@value #CORRELATION_ID_HEADER} and {@value #CONTENT_TYPE_HEADER}, both ways.
 * <p>
 * Built from a URI, the transport owns its connection: it reports a lost connection,
 * connects again once the broker is back (declaring new queues and consumers for every
 * subscription, then reporting the recovery), and closes it with the harness. Built from
 * an application's {@link ConnectionFactory} or {@link RabbitTemplate}, it opens its own
 * channels on the application's connection, removes its queues when it closes and leaves
 * the factory as it found it.
 *
 * @since 0.1.0
 */
public final class RabbitTransport implements Transport {

	/**
	 * The header that carries the AMQP {@code correlation_id} property, both ways (the
	 * name Spring AMQP's header mapper uses).
	 */
	public static final String CORRELATION_ID_HEADER = "amqp_correlationId";

	/**
	 * The header that carries the AMQP {@code content_type} property, both ways.
	 */
	public static final String CONTENT_TYPE_HEADER = "contentType";

	/**
	 * The topic prefix that publishes through the default exchange straight to a queue:
	 * {@code queue:orders}.
	 */
	public static final String QUEUE_PREFIX = Routing.QUEUE_PREFIX;

	/**
	 * The topic prefix that names another exchange:
	 * {@code exchange:billing/invoice.paid}.
	 */
	public static final String EXCHANGE_PREFIX = Routing.EXCHANGE_PREFIX;

	private static final TransportCapabilities CAPABILITIES = new TransportCapabilities(true, false, true, true, true,
			true);

	private final @Nullable BrokerUri uri;

	private final @Nullable ConnectionFactory application;

	private final Routing routing;

	private final boolean declareExchange;

	private final Duration connectTimeout;

	private final @Nullable AuthResolver<?> auth;

	private final List<String> endpoints;

	private volatile @Nullable RabbitSession session;

	private RabbitTransport(Builder builder) {
		this.uri = builder.uri;
		this.application = builder.application;
		this.routing = new Routing(builder.exchange);
		this.declareExchange = (builder.declareExchange != null) ? builder.declareExchange
				: !builder.exchange.startsWith("amq.");
		this.connectTimeout = builder.connectTimeout;
		this.auth = builder.auth;
		this.endpoints = (this.uri != null) ? List.of(this.uri.endpoint())
				: RabbitFactories.endpoints(Objects.requireNonNull(this.application));
	}

	/**
	 * Start building a transport that connects to a broker.
	 * @param uri the broker URI, {@code amqp://host:port/vhost} or {@code amqps://…} for
	 * TLS
	 * @return the builder
	 * @throws IllegalArgumentException if the URI is blank or not an AMQP URI
	 */
	public static Builder builder(String uri) {
		return new Builder(BrokerUri.parse(uri), null);
	}

	/**
	 * Start building a transport over an application's connection factory. The transport
	 * opens its own channels on the factory's connection and never closes or changes the
	 * factory.
	 * @param connectionFactory the application's connection factory
	 * @return the builder
	 */
	public static Builder builder(ConnectionFactory connectionFactory) {
		return new Builder(null, Objects.requireNonNull(connectionFactory, "connectionFactory"));
	}

	/**
	 * Start building a transport over the connection factory of an application's
	 * template; the template itself is not used or changed.
	 * @param template the application's template
	 * @return the builder
	 */
	public static Builder builder(RabbitTemplate template) {
		return builder(Objects.requireNonNull(template, "template").getConnectionFactory());
	}

	@Override
	public String name() {
		return "rabbitmq";
	}

	@Override
	public List<Endpoint> endpoints() {
		return this.endpoints.stream().map((endpoint) -> new Endpoint(EndpointCategory.AMQP, endpoint)).toList();
	}

	@Override
	public synchronized void connect(TransportListener listener) {
		Objects.requireNonNull(listener, "listener");
		if (this.session != null) {
			return;
		}
		if (this.application != null) {
			this.session = RabbitSession.open(this.application, null, this.routing, this.declareExchange, where(), null,
					listener);
			return;
		}
		BrokerUri uri = Objects.requireNonNull(this.uri);
		AuthResolver<?> resolver = this.auth;
		RabbitAuth credentials = (resolver != null)
				? Auth.resolve(resolver, RabbitAuth.class, name(), this.connectTimeout) : null;
		CachingConnectionFactory factory = RabbitFactories.create(uri, this.connectTimeout, credentials,
				(resolver != null) ? () -> Auth.resolveAgain(resolver, RabbitAuth.class, name(), this.connectTimeout)
						: null);
		this.session = RabbitSession.open(factory, factory, this.routing, this.declareExchange, where(),
				this.connectTimeout, listener);
	}

	private String where() {
		return SafeUrl.redact(String.join(", ", this.endpoints));
	}

	/**
	 * Word a failed connect: the broker without credentials, the connect timeout when the
	 * transport applied one, and why.
	 */
	static TransportException connectFailure(String where, @Nullable Duration timeout, Throwable ex) {
		if (ex instanceof TransportException transportException) {
			return transportException;
		}
		String reason = refusedCredentials(ex) ? "the broker refused the credentials (" + describe(ex) + ")"
				: describe(ex);
		String limit = (timeout != null) ? " (connect timeout " + timeout.toMillis() + "ms)" : "";
		return new TransportException("Could not connect to RabbitMQ at '" + where + "'" + limit + ": " + reason, ex);
	}

	private static boolean refusedCredentials(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationFailureException
					|| cause instanceof PossibleAuthenticationFailureException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Describe a failure in one line without credentials: the innermost useful message,
	 * and for a closed connection or channel the broker's reply text.
	 */
	static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause
				&& (cause.getMessage() == null || isBareShutdown(cause))) {
			cause = cause.getCause();
		}
		String text;
		if (cause instanceof ShutdownSignalException shutdown
				&& shutdown.getReason() instanceof AMQP.Connection.Close close) {
			text = close.getReplyText();
		}
		else if (cause instanceof ShutdownSignalException shutdown
				&& shutdown.getReason() instanceof AMQP.Channel.Close close) {
			text = close.getReplyText();
		}
		else {
			String message = cause.getMessage();
			text = cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		}
		return Redaction.scrub(text, null);
	}

	/**
	 * Return whether a failure is a shutdown signal without a broker reply, whose cause
	 * (a reset socket, a missed heartbeat) says more.
	 */
	private static boolean isBareShutdown(Throwable ex) {
		return ex instanceof ShutdownSignalException shutdown && shutdown.getReason() == null;
	}

	/**
	 * Return whether the transport is connected: its connection is open, and after a
	 * loss, the recovery has taken a new one into use with every subscription attached.
	 * @return whether the transport is connected
	 */
	@Override
	public boolean isConnected() {
		RabbitSession current = this.session;
		return current != null && current.isUp();
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Objects.requireNonNull(handler, "handler");
		return requireSession("subscribe to '" + topic + "'").subscribe(topic, handler);
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		Objects.requireNonNull(callback, "callback");
		requireSession("publish to '" + message.topic() + "'").publish(message, callback);
	}

	private RabbitSession requireSession(String action) {
		RabbitSession session = this.session;
		if (session == null) {
			throw new TransportException("The RabbitMQ transport is not connected; cannot " + action);
		}
		return session;
	}

	/**
	 * Return the names of the queues of the live subscriptions, for diagnostics.
	 * @return the queue names, empty when not connected
	 */
	List<String> queues() {
		RabbitSession session = this.session;
		return (session != null) ? session.queues() : List.of();
	}

	@Override
	public TransportCapabilities capabilities() {
		return CAPABILITIES;
	}

	/**
	 * Return the trigger's AMQP correlation id, so that a {@code RabbitTemplate} waiting
	 * for the reply recognises it.
	 * @param trigger the request being answered
	 * @return the {@value #CORRELATION_ID_HEADER} header, or none
	 */
	@Override
	public Map<String, String> replyHeaders(TransportMessage trigger) {
		String correlationId = trigger.headers().get(CORRELATION_ID_HEADER);
		return (correlationId != null) ? Map.of(CORRELATION_ID_HEADER, correlationId) : Map.of();
	}

	@Override
	public synchronized void close() {
		RabbitSession session = this.session;
		this.session = null;
		if (session != null) {
			session.close();
		}
	}

	@Override
	public String toString() {
		return "RabbitTransport[" + ((this.uri != null) ? "uri" : "connectionFactory") + "=" + where() + ", exchange="
				+ this.routing.exchange() + ", connected=" + isConnected() + "]";
	}

	/**
	 * Builds a {@link RabbitTransport}.
	 */
	public static final class Builder {

		private final @Nullable BrokerUri uri;

		private final @Nullable ConnectionFactory application;

		private String exchange = "amq.topic";

		private @Nullable Boolean declareExchange;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private boolean connectTimeoutSet;

		private @Nullable AuthResolver<?> auth;

		private Builder(@Nullable BrokerUri uri, @Nullable ConnectionFactory application) {
			this.uri = uri;
			this.application = application;
		}

		/**
		 * Set the topic exchange topics are routing keys on (default {@code amq.topic}).
		 * @param exchange the exchange name
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank (the default exchange
		 * cannot route by topic; use {@code queue:} topics to reach a queue)
		 */
		public Builder exchange(String exchange) {
			Objects.requireNonNull(exchange, "exchange");
			if (exchange.isBlank()) {
				throw new IllegalArgumentException(
						"The RabbitMQ exchange name must not be blank; to send straight to a queue, publish to 'queue:<name>'");
			}
			this.exchange = exchange;
			return this;
		}

		/**
		 * Set whether to declare the exchange as a durable topic exchange at connect
		 * (default: only when its name does not start with {@code amq.}, as those exist
		 * on every broker).
		 * @param declare whether to declare it
		 * @return this builder
		 */
		public Builder declareExchange(boolean declare) {
			this.declareExchange = declare;
			return this;
		}

		/**
		 * Set how long opening the connection may take: the TCP connect and the AMQP
		 * handshake each (default 5 seconds). Only for a transport built from a URI.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			Objects.requireNonNull(timeout, "timeout");
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("The connect timeout must be positive");
			}
			this.connectTimeout = timeout;
			this.connectTimeoutSet = true;
			return this;
		}

		/**
		 * Set the credentials, resolved at every connect. A user and password are
		 * resolved again, within the connect timeout, for every connection the transport
		 * makes while it recovers from a lost one, so a password rotated while connected
		 * is used to reconnect; if the resolver fails then, or answers with the
		 * descriptor of the connect ({@link AuthResolver#of}), the attempt uses the
		 * previous credentials. TLS settings and a client certificate stay those of the
		 * connect. Only for a transport built from a URI.
		 * @param auth the credentials resolver, answering with a {@link RabbitAuth}
		 * @return this builder
		 */
		public Builder auth(AuthResolver<?> auth) {
			this.auth = Objects.requireNonNull(auth, "auth");
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 * @throws dev.choreo.auth.ConflictingAuthException if the URI carries credentials
		 * and {@link #auth(AuthResolver)} was set too
		 * @throws IllegalStateException if credentials or a connect timeout are set for
		 * an application's connection factory, which has its own
		 */
		public RabbitTransport build() {
			if (this.uri != null) {
				Auth.checkNoConflict(this.uri.value(), this.auth, "RabbitMQ");
			}
			else if (this.auth != null || this.connectTimeoutSet) {
				throw new IllegalStateException("auth(...) and connectTimeout(...) configure the connection a"
						+ " RabbitTransport opens from a URI; an application's ConnectionFactory uses its own settings");
			}
			return new RabbitTransport(this);
		}

	}

}

package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
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
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * A transport over Redis, in one of two {@linkplain RedisMode modes}.
 * <p>
 * In {@linkplain RedisMode#PUB_SUB pub/sub} mode (the default) a topic is a channel, or a
 * pattern when it contains {@code *}, {@code ?} or {@code [}; messages from a pattern
 * subscription carry the channel they were published to. Subscriptions complete once
 * Redis confirmed the {@code SUBSCRIBE}; pub/sub carries neither headers nor keys.
 * <p>
 * In {@linkplain RedisMode#STREAMS streams} mode a topic is a stream key: a message is an
 * entry with the payload in one field and each header in a field {@code h:<name>}, and a
 * subscription receives every entry added after it was made, read by one blocking
 * {@code XREAD} per transport. <pre class="code">
 * Transport redis = RedisTransport.builder("redis://127.0.0.1:6379/0")
 *     .mode(RedisMode.STREAMS)
 *     .auth(AuthResolver.from(() -&gt; RedisAuth.acl("choreo", System.getenv("REDIS_PASSWORD"))))
 *     .build();
 * </pre> Built from a URL, the transport owns its Lettuce client: it reconnects after the
 * server comes back (reporting the loss and the recovery to running scenarios), restores
 * its subscriptions, and shuts everything down when it closes. Built
 * {@linkplain #builder(RedisConnectionFactory) from an application's connection factory},
 * it uses that factory's connections and never closes the factory.
 *
 * @since 0.1.0
 */
public final class RedisTransport implements Transport {

	private static final TransportCapabilities PUB_SUB_CAPABILITIES = new TransportCapabilities(false, false, true,
			false, true, true);

	private static final TransportCapabilities STREAMS_CAPABILITIES = new TransportCapabilities(true, false, false,
			false, true, true);

	private final @Nullable RedisUrl url;

	private final @Nullable RedisConnectionFactory external;

	private final List<String> endpoints;

	private final @Nullable AuthResolver<?> auth;

	private final RedisSettings settings;

	private volatile @Nullable RedisSession session;

	private RedisTransport(Builder builder, List<String> endpoints) {
		this.url = builder.url;
		this.external = builder.factory;
		this.endpoints = List.copyOf(endpoints);
		this.auth = builder.auth;
		String safe = String.join(", ", this.endpoints.stream().map(SafeUrl::redact).toList());
		this.settings = new RedisSettings(builder.mode, builder.connectTimeout, builder.commandTimeout,
				builder.clientName, builder.payloadField, safe, DaemonThreads.newTransportPrefix());
	}

	/**
	 * Start building a transport that connects to a Redis server with a client of its
	 * own.
	 * @param url the server, {@code redis://[user:password@]host[:port][/db]}, or
	 * {@code rediss://} for TLS
	 * @return the builder
	 * @throws IllegalArgumentException if the URL is blank or not a Redis URL
	 */
	public static Builder builder(String url) {
		return new Builder(RedisUrl.parse(url), null);
	}

	/**
	 * Start building a transport over an application's connection factory, such as the
	 * one Spring Boot configured. The transport never closes it.
	 * <p>
	 * Over Lettuce's factory the transport watches the client's connections to report
	 * losses and recoveries, and reads its server from the factory; over any other (such
	 * as Jedis) it learns of losses from failed commands, needs
	 * {@link Builder#endpoints(String...)}, and in streams mode a new subscription's
	 * first entry may wait up to 200 ms, since such a read cannot be woken. Whether
	 * commands issued during an outage fail at once or wait for the reconnection is the
	 * factory's setting.
	 * @param connectionFactory the factory
	 * @return the builder
	 */
	public static Builder builder(RedisConnectionFactory connectionFactory) {
		return new Builder(null, Objects.requireNonNull(connectionFactory, "connectionFactory"));
	}

	@Override
	public String name() {
		return "redis";
	}

	/**
	 * Return the Redis server: the URL as configured, or {@code host:port} of an
	 * application's factory (each node of a cluster or Sentinel configuration).
	 * @return the endpoints
	 */
	@Override
	public List<Endpoint> endpoints() {
		return this.endpoints.stream().map((value) -> new Endpoint(EndpointCategory.REDIS, value)).toList();
	}

	/**
	 * Return the mode this transport carries messages in.
	 * @return the mode
	 */
	public RedisMode mode() {
		return this.settings.mode();
	}

	@Override
	public synchronized void connect(TransportListener listener) {
		Objects.requireNonNull(listener, "listener");
		if (this.session != null) {
			return;
		}
		this.session = RedisSession.open(this.url, this.external, this.auth, this.settings, listener);
	}

	/**
	 * Return whether the transport is connected: from {@code connect()} until
	 * {@code close()}, except while the connection to Redis is lost (until every broken
	 * connection of the client is connected again, or, over a client other than Lettuce,
	 * until a command succeeds again).
	 * @return whether the transport is connected
	 */
	@Override
	public boolean isConnected() {
		RedisSession current = this.session;
		return current != null && !current.watch().isDown();
	}

	/**
	 * Subscribe to a channel, a pattern or a stream. In pub/sub mode the stage completes
	 * once Redis confirmed the {@code SUBSCRIBE} or {@code PSUBSCRIBE}; in streams mode
	 * once the stream's last entry is known, after which every new entry is delivered.
	 * @param topic the channel or pattern (pub/sub), or the stream key (streams)
	 * @param handler receives each message, on the transport's thread, in order
	 * @return a stage completed with the subscription, or exceptionally with a
	 * {@link TransportException}
	 */
	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(handler, "handler");
		return requireSession("subscribe to '" + topic + "'").messaging().subscribe(topic, handler);
	}

	/**
	 * Publish a message: {@code PUBLISH} in pub/sub mode (headers and key are not sent),
	 * {@code XADD} in streams mode. The callback hears {@code onSent} once Redis
	 * answered, {@code onError} if it did not.
	 * @param message the message
	 * @param callback told when Redis answered or the command failed
	 */
	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		RedisSession session = requireSession("publish to '" + message.topic() + "'");
		try (RedisConnection connection = session.factory().getConnection()) {
			if (this.settings.mode() == RedisMode.PUB_SUB && sharesLettuceConnection(session, connection)) {
				publishAsync((LettuceConnection) connection, session, message, callback);
				return;
			}
			session.messaging().publish(connection, message);
		}
		catch (RuntimeException ex) {
			publishFailed(session, message, callback, ex);
			return;
		}
		session.watch().commandSucceeded();
		callback.onSent();
	}

	/**
	 * Whether the connection is a handle on Lettuce's shared native connection, which
	 * stays open when the handle is closed, so a command may complete after that.
	 */
	private static boolean sharesLettuceConnection(RedisSession session, RedisConnection connection) {
		return session.factory() instanceof LettuceConnectionFactory lettuce && lettuce.getShareNativeConnection()
				&& connection instanceof LettuceConnection handle && !handle.isPipelined() && !handle.isQueueing();
	}

	/**
	 * Send {@code PUBLISH} without waiting for the answer, like the raw client does: the
	 * callback hears it when Redis answers (or the command times out), on Lettuce's
	 * thread, and the test thread is free to wait for the message meanwhile.
	 */
	private void publishAsync(LettuceConnection connection, RedisSession session, TransportMessage message,
			PublishCallback callback) {
		connection.getNativeConnection()
			.publish(StreamCodec.utf8(message.topic()), message.payload())
			.whenComplete((receivers, error) -> {
				if (error != null) {
					publishFailed(session, message, callback, error);
				}
				else {
					session.watch().commandSucceeded();
					callback.onSent();
				}
			});
	}

	private void publishFailed(RedisSession session, TransportMessage message, PublishCallback callback,
			Throwable error) {
		session.watch().commandFailed();
		String command = (this.settings.mode() == RedisMode.STREAMS) ? "XADD" : "PUBLISH";
		callback.onError(new TransportException(
				"Redis " + command + " to '" + message.topic() + "' failed: " + Failures.describe(error)));
	}

	private RedisSession requireSession(String action) {
		RedisSession current = this.session;
		if (current == null) {
			throw new TransportException("The Redis transport is not connected; cannot " + action);
		}
		return current;
	}

	/**
	 * Return what this transport carries: pub/sub carries payloads only and takes
	 * patterns; streams carry headers too but take stream keys only.
	 * @return the capabilities of the mode
	 */
	@Override
	public TransportCapabilities capabilities() {
		return (this.settings.mode() == RedisMode.STREAMS) ? STREAMS_CAPABILITIES : PUB_SUB_CAPABILITIES;
	}

	@Override
	public synchronized void close() {
		RedisSession current = this.session;
		this.session = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public String toString() {
		return "RedisTransport[" + this.settings.endpoint() + ", mode=" + this.settings.mode() + ", connected="
				+ isConnected() + "]";
	}

	/**
	 * Builds a {@link RedisTransport}.
	 */
	public static final class Builder {

		private final @Nullable RedisUrl url;

		private final @Nullable RedisConnectionFactory factory;

		private RedisMode mode = RedisMode.PUB_SUB;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration commandTimeout = Duration.ofSeconds(10);

		private String clientName = "choreo";

		private String payloadField = "payload";

		private @Nullable AuthResolver<?> auth;

		private List<String> endpoints = List.of();

		private Builder(@Nullable RedisUrl url, @Nullable RedisConnectionFactory factory) {
			this.url = url;
			this.factory = factory;
		}

		/**
		 * Set the mode (default {@link RedisMode#PUB_SUB}).
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(RedisMode mode) {
			this.mode = Objects.requireNonNull(mode, "mode");
			return this;
		}

		/**
		 * Set how long connecting, including resolving credentials and the first
		 * {@code PING}, may take (default 5 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive(timeout, "connectTimeout");
			return this;
		}

		/**
		 * Set how long one command, such as a {@code PUBLISH} or a {@code SUBSCRIBE}, may
		 * take (default 10 seconds). Applies to transports built from a URL.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder commandTimeout(Duration timeout) {
			requireUrl("commandTimeout(...)", "its own command timeout");
			this.commandTimeout = positive(timeout, "commandTimeout");
			return this;
		}

		/**
		 * Set the client name the connections show in {@code CLIENT LIST} (default
		 * {@code choreo}). Applies to transports built from a URL.
		 * @param name the name, without spaces
		 * @return this builder
		 */
		public Builder clientName(String name) {
			requireUrl("clientName(...)", "its own client name");
			Objects.requireNonNull(name, "name");
			if (name.isEmpty() || name.chars().anyMatch((c) -> c <= ' ')) {
				throw new IllegalArgumentException("A Redis client name must be non-empty and without spaces");
			}
			this.clientName = name;
			return this;
		}

		/**
		 * Set the credentials, resolved at every {@code connect()} and cleared when the
		 * transport closes. Once a connection of the client breaks, every reconnect
		 * attempt Lettuce makes resolves them again (on a thread of its own, within the
		 * connect timeout) until a connection is made, so a password rotated while
		 * connected is used to reconnect; if the resolver fails then, or answers with the
		 * descriptor of the connect ({@link AuthResolver#of}), the attempt uses the
		 * previous credentials. TLS settings stay those of the connect. Applies to
		 * transports built from a URL without credentials.
		 * @param auth a resolver of {@link dev.choreo.auth.RedisAuth} descriptors
		 * @return this builder
		 */
		public Builder auth(AuthResolver<?> auth) {
			requireUrl("auth(...)", "its own credentials");
			this.auth = Objects.requireNonNull(auth, "auth");
			return this;
		}

		/**
		 * Name the servers an application's factory connects to, as {@code host:port},
		 * for the allowlist. Needed only when they cannot be read from the factory (any
		 * factory other than Lettuce's).
		 * @param endpoints the servers
		 * @return this builder
		 */
		public Builder endpoints(String... endpoints) {
			if (this.factory == null) {
				throw new IllegalStateException(
						"endpoints(...) applies to transports built from a RedisConnectionFactory; the URL is the endpoint");
			}
			List<String> values = List.of(endpoints);
			if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException("Name at least one Redis endpoint, such as 127.0.0.1:6379");
			}
			this.endpoints = values;
			return this;
		}

		/**
		 * Set the stream field that holds the payload in streams mode (default
		 * {@code payload}).
		 * @param field the field name
		 * @return this builder
		 */
		public Builder payloadField(String field) {
			Objects.requireNonNull(field, "field");
			if (field.isBlank() || field.startsWith(StreamCodec.HEADER_PREFIX)) {
				throw new IllegalArgumentException("The payload field must be non-blank and must not start with '"
						+ StreamCodec.HEADER_PREFIX + "', which marks headers");
			}
			this.payloadField = field;
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 * @throws dev.choreo.auth.ConflictingAuthException if the URL carries credentials
		 * and {@link #auth(AuthResolver)} was set too
		 * @throws IllegalStateException if the transport is built from a factory whose
		 * server cannot be told and {@link #endpoints(String...)} was not called
		 */
		public RedisTransport build() {
			if (this.url != null) {
				Auth.checkNoConflict(this.url.value(), this.auth, "redis");
				return new RedisTransport(this, List.of(this.url.value()));
			}
			RedisConnectionFactory factory = Objects.requireNonNull(this.factory);
			List<String> endpoints = this.endpoints.isEmpty() ? FactoryEndpoints.of(factory) : this.endpoints;
			if (endpoints.isEmpty()) {
				throw new IllegalStateException("Cannot tell which Redis server the " + factory.getClass().getName()
						+ " connects to; name it with endpoints(\"host:port\")");
			}
			return new RedisTransport(this, endpoints);
		}

		private void requireUrl(String option, String what) {
			if (this.url == null) {
				throw new IllegalStateException(option + " applies to transports built from a URL; the application's "
						+ "RedisConnectionFactory brings " + what);
			}
		}

		private static Duration positive(Duration timeout, String name) {
			Objects.requireNonNull(timeout, name);
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + timeout);
			}
			return timeout;
		}

	}

}

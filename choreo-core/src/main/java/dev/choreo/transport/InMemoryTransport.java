package dev.choreo.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.TransportAuth;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport that lives in memory: for unit-scope tests of message flows, examples, and
 * benchmarks of the engine itself.
 * <p>
 * Delivery is synchronous: subscribers run on the publishing thread, in subscription
 * order, before {@link PublishCallback#onSent()} and before {@code publish} returns.
 * Topics match exactly (no wildcards). A subscriber that throws is logged and skipped, as
 * a broker would: other subscribers still get the message and the publisher is not
 * affected. Every published message is recorded in {@link #sent()}.
 *
 * @since 0.1.0
 */
public final class InMemoryTransport implements Transport {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(InMemoryTransport.class);

		private Log() {
		}

	}

	private static final TransportCapabilities CAPABILITIES = new TransportCapabilities(true, true, false, true, true,
			true);

	private final @Nullable String endpoint;

	private volatile @Nullable AuthResolver<?> auth;

	private final Map<String, List<Registration>> subscribers = new ConcurrentHashMap<>();

	private final int sentCapacity;

	/**
	 * The most recent messages, oldest first, written without a lock: scenarios on many
	 * threads publish at once. Under concurrent publishes it may briefly hold a few more
	 * than the capacity.
	 */
	private final ConcurrentLinkedDeque<TransportMessage> sent = new ConcurrentLinkedDeque<>();

	private final AtomicInteger sentCount = new AtomicInteger();

	private final AtomicBoolean authWarned = new AtomicBoolean();

	private volatile boolean connected;

	private InMemoryTransport(Builder builder) {
		this.endpoint = builder.endpoint;
		this.auth = builder.auth;
		this.sentCapacity = builder.sentCapacity;
	}

	/**
	 * Create an in-memory transport with no endpoint and no credentials.
	 * @return the transport
	 */
	public static InMemoryTransport create() {
		return builder().build();
	}

	/**
	 * Start building an in-memory transport.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String name() {
		return "in-memory";
	}

	@Override
	public List<Endpoint> endpoints() {
		return (this.endpoint != null) ? List.of(new Endpoint(EndpointCategory.MOCK, this.endpoint)) : List.of();
	}

	@Override
	public synchronized void connect(TransportListener listener) {
		AuthResolver<?> resolver = this.auth;
		this.auth = null;
		if (resolver != null) {
			TransportAuth credentials = Auth.resolve(resolver, TransportAuth.class, name(), Duration.ofSeconds(10));
			String variant = credentials.toString();
			credentials.consume();
			if (this.authWarned.compareAndSet(false, true)) {
				Log.logger.warn("The in-memory transport ignores credentials ({})", variant);
			}
		}
		this.connected = true;
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(handler, "handler");
		Registration registration = new Registration(topic, handler);
		this.subscribers.computeIfAbsent(topic, (key) -> new CopyOnWriteArrayList<>()).add(registration);
		return CompletableFuture.completedFuture(registration);
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		if (!this.connected) {
			throw new TransportException("The in-memory transport is not connected; call connect() first");
		}
		record(message);
		List<Registration> registrations = this.subscribers.get(message.topic());
		if (registrations != null) {
			for (Registration registration : registrations) {
				deliver(registration, message);
			}
		}
		callback.onSent();
	}

	private void record(TransportMessage message) {
		if (this.sentCapacity == 0) {
			return;
		}
		this.sent.addLast(message);
		if (this.sentCount.incrementAndGet() > this.sentCapacity && this.sent.pollFirst() != null) {
			this.sentCount.decrementAndGet();
		}
	}

	private void deliver(Registration registration, TransportMessage message) {
		try {
			registration.handler.onMessage(message);
		}
		catch (RuntimeException ex) {
			Log.logger.warn("A subscriber of '{}' raised {}; other subscribers still get the message", message.topic(),
					ex.getClass().getName());
		}
	}

	/**
	 * Return {@code true}: subscribers run on the publishing thread.
	 * @return {@code true}
	 */
	@Override
	public boolean synchronousDelivery() {
		return true;
	}

	@Override
	public TransportCapabilities capabilities() {
		return CAPABILITIES;
	}

	/**
	 * Return the messages published so far, oldest first: all of them, or the most recent
	 * ones when more than the {@linkplain Builder#sentCapacity(int) capacity} were
	 * published.
	 * @return the messages
	 */
	public List<TransportMessage> sent() {
		return new ArrayList<>(this.sent);
	}

	/**
	 * Return how many subscriptions are live.
	 * @return the count
	 */
	public int subscriptionCount() {
		int count = 0;
		for (List<Registration> registrations : this.subscribers.values()) {
			count += registrations.size();
		}
		return count;
	}

	/**
	 * Disconnect. Subscriptions stay until they are unsubscribed; publishing is refused
	 * until the next connect.
	 */
	@Override
	public void close() {
		this.connected = false;
	}

	@Override
	public String toString() {
		return "InMemoryTransport[connected=" + this.connected + "]";
	}

	private final class Registration implements Subscription {

		private final String topic;

		private final InboundHandler handler;

		Registration(String topic, InboundHandler handler) {
			this.topic = topic;
			this.handler = handler;
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void unsubscribe() {
			List<Registration> registrations = InMemoryTransport.this.subscribers.get(this.topic);
			if (registrations != null) {
				registrations.remove(this);
			}
		}

	}

	/**
	 * Builds an {@link InMemoryTransport}.
	 */
	public static final class Builder {

		private @Nullable String endpoint;

		private @Nullable AuthResolver<?> auth;

		private int sentCapacity = 10_000;

		private Builder() {
		}

		/**
		 * Set how many published messages {@link InMemoryTransport#sent()} keeps (default
		 * 10,000, the most recent ones; 0 keeps none).
		 * @param capacity the number of messages kept
		 * @return this builder
		 */
		public Builder sentCapacity(int capacity) {
			if (capacity < 0) {
				throw new IllegalArgumentException("sentCapacity must not be negative, got " + capacity);
			}
			this.sentCapacity = capacity;
			return this;
		}

		/**
		 * Set a pretend endpoint, checked against the allowlist's {@code mock_endpoints}.
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder endpoint(String endpoint) {
			this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
			return this;
		}

		/**
		 * Set credentials: resolved and validated at the first connect like a real
		 * transport's, then ignored. The transport lets go of the resolver as that
		 * connect starts, whether it succeeds or not.
		 * @param auth the resolver
		 * @return this builder
		 */
		public Builder auth(AuthResolver<?> auth) {
			this.auth = Objects.requireNonNull(auth, "auth");
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 */
		public InMemoryTransport build() {
			return new InMemoryTransport(this);
		}

	}

}

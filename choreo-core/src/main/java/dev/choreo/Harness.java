package dev.choreo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Choreo's coordinator for one transport: it connects (after checking every endpoint
 * against its allowlist), holds one subscription per topic for all the scenarios it
 * opens, routes each inbound message to the scenario that owns its correlation id, and
 * keeps a log of the messages nobody claimed. One harness per broker per test run is the
 * intended use; it is thread-safe. <pre class="code">
 * Harness harness = Harness.builder(NatsTransport.builder("nats://127.0.0.1:4222").build())
 *     .correlation(CorrelationPolicy.field("correlation_id"))
 *     .build()
 *     .connect();
 * try (Scenario s = harness.scenario("order-settles")) {
 *     ...
 * }
 * harness.close();
 * </pre>
 *
 * @since 0.1.0
 */
public final class Harness implements AutoCloseable {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Harness.class);

		private Log() {
		}

	}

	private final String name;

	private final Transport transport;

	private final Codec codec;

	private final CorrelationPolicy correlation;

	private final Allowlist allowlist;

	private final @Nullable Path allowlistFile;

	private final Duration defaultTimeout;

	private final Duration subscribeTimeout;

	private final Duration publishTimeout;

	private final Unidentified unidentified;

	private final List<ScenarioObserver> observers;

	private final Scope.Settings settings;

	private final Dispatcher dispatcher;

	private final Set<Binding> live = ConcurrentHashMap.newKeySet();

	private final ReadinessCheck readinessCheck;

	private final boolean warnWithoutCorrelation;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private final Lanes lanes;

	private volatile boolean connected;

	private final Object reachability = new Object();

	/** Written under {@link #reachability}; read without it. */
	private volatile @Nullable Outage outage;

	private long session;

	/** Written under {@link #reachability}; read without it. */
	private volatile long outages;

	private Harness(Builder builder) {
		this.name = (builder.name != null) ? builder.name : builder.transport.name();
		this.transport = builder.transport;
		this.codec = builder.codec;
		this.correlation = builder.correlation;
		this.allowlist = builder.allowlist;
		this.allowlistFile = builder.allowlistFile;
		this.defaultTimeout = builder.defaultTimeout;
		this.subscribeTimeout = builder.subscribeTimeout;
		this.publishTimeout = builder.publishTimeout;
		this.unidentified = builder.correlation.routesByCorrelation() ? builder.unidentified : Unidentified.BROADCAST;
		this.observers = List.copyOf(builder.observers);
		this.settings = new Scope.Settings(builder.slowFails, builder.keepTimelines);
		this.dispatcher = new Dispatcher(this, builder.idleSubscriptions, builder.surpriseCapacity);
		this.readinessCheck = builder.readinessCheck;
		this.warnWithoutCorrelation = builder.warnWithoutCorrelation;
		this.lanes = new Lanes(this.name, synchronousDelivery(builder.transport));
	}

	private static boolean synchronousDelivery(Transport transport) {
		try {
			return transport.synchronousDelivery();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Start building a harness over a transport.
	 * @param transport the transport; the harness owns it from now on
	 * @return the builder
	 */
	public static Builder builder(Transport transport) {
		return new Builder(transport);
	}

	/**
	 * Connect: check every endpoint of the transport against the allowlist (before any
	 * socket opens), then connect the transport. Calling it when connected does nothing.
	 * @return this harness
	 * @throws dev.choreo.transport.EndpointNotAllowedException if an endpoint is not on
	 * the allowlist
	 * @throws dev.choreo.transport.TransportException if the broker cannot be reached
	 */
	public synchronized Harness connect() {
		if (this.connected) {
			return this;
		}
		Allowlist effective = (this.allowlistFile != null) ? Allowlist.load(this.allowlistFile) : this.allowlist;
		effective.check(this.transport.endpoints());
		long session = newSession();
		try {
			this.transport.connect(new Listener(session));
		}
		catch (RuntimeException ex) {
			newSession();
			throw ex;
		}
		this.lanes.start();
		this.connected = true;
		if (this.warnWithoutCorrelation && !this.correlation.routesByCorrelation()
				&& !(this.transport instanceof InMemoryTransport)) {
			Log.logger
				.warn("Harness '{}' ({}) has no correlation policy: scenarios running at the same time on a shared"
						+ " broker will see each other's messages; use CorrelationPolicy.field(...) or .header(...) to"
						+ " keep them apart", this.name, this.transport.getClass().getSimpleName());
		}
		return this;
	}

	/**
	 * Drop every subscription and close the transport. Calling it again does nothing; the
	 * harness can connect again afterwards. The connection the transport closes is not
	 * reported as lost.
	 */
	@Override
	public synchronized void close() {
		if (!this.connected) {
			return;
		}
		newSession();
		try {
			this.dispatcher.clear();
		}
		finally {
			this.connected = false;
			this.lanes.stop();
			this.transport.close();
		}
	}

	/**
	 * Return whether the harness is connected: it was connected and not closed, and the
	 * broker is reachable. It is {@code false} from the moment the transport reports its
	 * connection lost until it reports it restored, and whenever the transport itself
	 * says it is not connected.
	 * @return whether it is connected
	 */
	public boolean isConnected() {
		return this.connected && isReachable();
	}

	private boolean isReachable() {
		if (this.outage != null) {
			return false;
		}
		return this.transport.isConnected();
	}

	/**
	 * Open a scenario, after the {@linkplain Builder#readinessCheck(ReadinessCheck)
	 * readiness check}. Close it when done, best with try-with-resources.
	 * @param name the scenario name, shown in failure messages and reports
	 * @return the scenario
	 * @throws CorrelationPolicyException if the correlation policy cannot make an id
	 */
	public Scenario scenario(String name) {
		Objects.requireNonNull(name, "name");
		awaitReady();
		String id = newCorrelationId(this.correlation);
		return new Scenario(Scope.open(name, id, List.of(new Scope.Member(this.name, this, id)), this.settings), this);
	}

	static @Nullable String newCorrelationId(CorrelationPolicy policy) {
		if (!policy.routesByCorrelation()) {
			return null;
		}
		try {
			return policy.newId();
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			throw new CorrelationPolicyException(policy, "newId", ex);
		}
	}

	/**
	 * Publish a message outside any scenario (no correlation stamping, no timeline) and
	 * wait until the transport reports it sent (acknowledged by the broker, on transports
	 * that acknowledge), at most the {@linkplain Builder#publishTimeout(Duration) publish
	 * timeout}. A publish that fails throws, so a test never goes on as if the message
	 * had been sent. The {@linkplain Builder#readinessCheck(ReadinessCheck) readiness
	 * check} runs first.
	 * @param topic the topic
	 * @param payload the payload; a {@code byte[]} is sent unchanged
	 * @throws TransportException if the transport refuses or fails the publish, with its
	 * reason, or does not confirm it in time
	 */
	public void publish(String topic, @Nullable Object payload) {
		awaitReady();
		requireConnected();
		OutboundMessage message = (payload instanceof OutboundMessage outbound) ? outbound
				: OutboundMessage.of(payload);
		CompletableFuture<Void> sent = new CompletableFuture<>();
		try {
			publishChecked(new TransportMessage(topic, encode(message.payload()), message.headers(), message.key(),
					message.replyTo()), new PublishCallback() {

						@Override
						public void onSent() {
							sent.complete(null);
						}

						@Override
						public void onError(Throwable error) {
							sent.completeExceptionally(error);
						}

					});
		}
		catch (RuntimeException ex) {
			sent.completeExceptionally(ex);
		}
		awaitSent(topic, sent);
	}

	private void awaitSent(String topic, CompletableFuture<Void> sent) {
		try {
			sent.get(this.publishTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new TransportException(
					"Publishing to '" + topic + "' on harness '" + this.name + "' failed: " + UserCode.describe(cause),
					cause);
		}
		catch (TimeoutException ex) {
			throw new TransportException(
					"Publishing to '" + topic + "' on harness '" + this.name + "' was not confirmed within "
							+ Texts.duration(this.publishTimeout) + "; is the broker reachable?");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException(
					"Interrupted while publishing to '" + topic + "' on harness '" + this.name + "'");
		}
	}

	/**
	 * Return how many expectations and replies of open scenarios listen through this
	 * harness.
	 * @return the count, 0 once every scenario is closed
	 */
	public int activeSubscriptionCount() {
		return this.dispatcher.interestCount();
	}

	/**
	 * Return how many transport subscriptions the harness holds, including those kept for
	 * idle topics.
	 * @return the count
	 */
	public int transportSubscriptionCount() {
		return this.dispatcher.subscriptionCount();
	}

	/**
	 * Return the most recent messages no scenario claimed, oldest first (metadata only).
	 * @return the surprises
	 */
	public List<Surprise> surprises() {
		return this.dispatcher.surprises();
	}

	/**
	 * Return how many messages no scenario claimed since the harness was built, including
	 * those no longer in {@link #surprises()}.
	 * @return the count
	 */
	public long surpriseCount() {
		return this.dispatcher.surpriseCount();
	}

	/**
	 * Return the harness name: the transport's name unless the builder set another.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the transport.
	 * @return the transport
	 */
	public Transport transport() {
		return this.transport;
	}

	/**
	 * Return the codec.
	 * @return the codec
	 */
	public Codec codec() {
		return this.codec;
	}

	/**
	 * Return the correlation policy.
	 * @return the policy
	 */
	public CorrelationPolicy correlation() {
		return this.correlation;
	}

	/**
	 * Return the timeout {@link Scenario#awaitAll()} uses.
	 * @return the default timeout
	 */
	public Duration defaultTimeout() {
		return this.defaultTimeout;
	}

	Duration subscribeTimeout() {
		return this.subscribeTimeout;
	}

	/**
	 * Return what the harness does with messages that carry no correlation id.
	 * @return {@link Unidentified#IGNORE} by default; always
	 * {@link Unidentified#BROADCAST} when the correlation policy is
	 * {@link CorrelationPolicy#none()}
	 */
	public Unidentified unidentified() {
		return this.unidentified;
	}

	Lanes lanes() {
		return this.lanes;
	}

	/**
	 * Return {@code true} the first time a key is seen, for warnings logged once per
	 * harness.
	 */
	boolean firstTime(String key) {
		return this.warned.add(key);
	}

	List<ScenarioObserver> observers() {
		return this.observers;
	}

	Scope.Settings settings() {
		return this.settings;
	}

	Dispatcher dispatcher() {
		return this.dispatcher;
	}

	/**
	 * Wait until the broker is reachable, for a subscription to {@code topic}.
	 * @param topic the topic, for the message
	 * @param deadline the {@link System#nanoTime()} to wait until at most
	 * @throws dev.choreo.transport.TransportException naming how long the broker has been
	 * unreachable and the last error, if it still is at the deadline
	 */
	void awaitReachable(String topic, long deadline) {
		if (!this.connected || isReachable()) {
			return;
		}
		Instant waitingSince = Instant.now();
		synchronized (this.reachability) {
			while (this.connected && !isReachable()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw unreachable(topic, waitingSince);
				}
				try {
					// woken by connectionRestored; polls for transports that report no
					// events
					this.reachability.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 50)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new TransportException("Interrupted while waiting for harness '" + this.name
							+ "' to reconnect, to subscribe to '" + topic + "'");
				}
			}
		}
	}

	private TransportException unreachable(String topic, Instant waitingSince) {
		Outage current = this.outage;
		Instant since = (current != null) ? current.since() : waitingSince;
		String lastError = (current != null) ? current.lastError()
				: "the " + this.transport.name() + " transport reports no connection";
		Duration down = Duration.ofMillis(Duration.between(since, Instant.now()).toMillis() / 100 * 100);
		return new TransportException("Could not subscribe to '" + topic + "' on harness '" + this.name
				+ "': the broker has been unreachable for " + Texts.duration(down) + " (since "
				+ since.truncatedTo(ChronoUnit.MILLIS) + "); last error: " + lastError);
	}

	/**
	 * Start a new session of the transport's connection: events from an earlier one are
	 * ignored from now on.
	 */
	private long newSession() {
		synchronized (this.reachability) {
			this.outage = null;
			this.reachability.notifyAll();
			return ++this.session;
		}
	}

	private boolean lost(long session, String description) {
		synchronized (this.reachability) {
			if (session != this.session) {
				return false;
			}
			Outage current = this.outage;
			if (current == null) {
				this.outages++;
			}
			this.outage = (current != null) ? new Outage(current.since(), description)
					: new Outage(Instant.now(), description);
			return true;
		}
	}

	/**
	 * Return how many outages the transport has reported since the harness was built, so
	 * a subscription that failed can tell whether the connection went meanwhile, even if
	 * it is already back.
	 */
	long outageCount() {
		return this.outages;
	}

	private boolean restored(long session) {
		synchronized (this.reachability) {
			if (session != this.session) {
				return false;
			}
			this.outage = null;
			this.reachability.notifyAll();
			return true;
		}
	}

	/**
	 * Run the readiness check.
	 */
	void awaitReady() {
		this.readinessCheck.awaitReady(this);
	}

	/**
	 * Require a connection before a scenario uses the harness: a harness that is not
	 * connected gets its readiness check first, which may connect it or say why it
	 * cannot.
	 */
	void requireConnected() {
		if (!this.connected) {
			awaitReady();
		}
		requireConnectedNow();
	}

	private void requireConnectedNow() {
		if (!this.connected) {
			throw new IllegalStateException("Harness '" + this.name + "' is not connected; call connect() first");
		}
	}

	byte[] encode(@Nullable Object payload) {
		return (payload instanceof byte[] bytes) ? bytes : this.codec.encode(payload);
	}

	void publishChecked(TransportMessage message, PublishCallback callback) {
		requireConnectedNow();
		this.transport.publish(message, callback);
	}

	void opened(Binding binding) {
		this.live.add(binding);
		this.dispatcher.bind(binding);
	}

	void closed(Binding binding) {
		this.dispatcher.unbind(binding);
		this.live.remove(binding);
	}

	@Override
	public String toString() {
		return "Harness[name=" + this.name + ", transport=" + this.transport.getClass().getSimpleName() + ", connected="
				+ this.connected + "]";
	}

	/**
	 * Tells the scenarios about the connection of one connect; ignores what the transport
	 * reports while it connects (a failed connect is reported by its exception), once the
	 * harness closed, and after it connected again.
	 */
	private final class Listener implements TransportListener {

		private final long session;

		Listener(long session) {
			this.session = session;
		}

		@Override
		public void connectionLost(String description, @Nullable Throwable cause) {
			if (!Harness.this.connected || !lost(this.session, description)) {
				Log.logger.debug("Harness '{}' is not connected: {}", Harness.this.name, description);
				return;
			}
			Log.logger.warn("Harness '{}' lost its connection: {}", Harness.this.name, description);
			for (Binding binding : new ArrayList<>(Harness.this.live)) {
				binding.scope().transportEvent(binding, true, description);
			}
		}

		@Override
		public void reconnectFailed(String description, @Nullable Throwable cause) {
			if (Harness.this.connected && lost(this.session, description)) {
				Log.logger.debug("Harness '{}' could not reconnect yet: {}", Harness.this.name, description);
			}
		}

		@Override
		public void connectionRestored() {
			if (!Harness.this.connected || !restored(this.session)) {
				return;
			}
			Log.logger.info("Harness '{}' is connected again", Harness.this.name);
			for (Binding binding : new ArrayList<>(Harness.this.live)) {
				binding.scope().transportEvent(binding, false, "connection restored");
			}
		}

	}

	/**
	 * Since when the broker has been unreachable, and what the transport last reported.
	 */
	private record Outage(Instant since, String lastError) {

	}

	/**
	 * Builds a {@link Harness}.
	 */
	public static final class Builder {

		private final Transport transport;

		private @Nullable String name;

		private Codec codec = Codec.json();

		private CorrelationPolicy correlation = CorrelationPolicy.none();

		private Allowlist allowlist = Allowlist.loopbackOnly();

		private @Nullable Path allowlistFile;

		private Duration defaultTimeout = Duration.ofSeconds(5);

		private Duration subscribeTimeout = Duration.ofSeconds(10);

		private Duration publishTimeout = Duration.ofSeconds(10);

		private Unidentified unidentified = Unidentified.IGNORE;

		private final List<ScenarioObserver> observers = new ArrayList<>();

		private boolean slowFails = true;

		private boolean keepTimelines;

		private int idleSubscriptions = 64;

		private int surpriseCapacity = 1000;

		private ReadinessCheck readinessCheck = ReadinessCheck.NONE;

		private boolean warnWithoutCorrelation = true;

		private Builder(Transport transport) {
			this.transport = Objects.requireNonNull(transport, "transport");
		}

		/**
		 * Name the harness (default: the transport's name).
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = Objects.requireNonNull(name, "name");
			return this;
		}

		/**
		 * Set the codec (default: {@link Codec#json()}).
		 * @param codec the codec
		 * @return this builder
		 */
		public Builder codec(Codec codec) {
			this.codec = Objects.requireNonNull(codec, "codec");
			return this;
		}

		/**
		 * Set the correlation policy (default: {@link CorrelationPolicy#none()}).
		 * @param correlation the policy
		 * @return this builder
		 */
		public Builder correlation(CorrelationPolicy correlation) {
			this.correlation = Objects.requireNonNull(correlation, "correlation");
			return this;
		}

		/**
		 * Set the allowlist checked before every connect (default:
		 * {@link Allowlist#loopbackOnly()}).
		 * @param allowlist the allowlist
		 * @return this builder
		 */
		public Builder allowlist(Allowlist allowlist) {
			this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
			this.allowlistFile = null;
			return this;
		}

		/**
		 * Read the allowlist from a YAML file, again on every connect.
		 * @param file the file
		 * @return this builder
		 */
		public Builder allowlist(Path file) {
			this.allowlistFile = Objects.requireNonNull(file, "file");
			return this;
		}

		/**
		 * Set the timeout of {@link Scenario#awaitAll()} (default 5 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder defaultTimeout(Duration timeout) {
			this.defaultTimeout = requirePositive(timeout, "defaultTimeout");
			return this;
		}

		/**
		 * Set how long {@code expect} and {@code on} wait for the broker to confirm a
		 * subscription, including waiting for the transport to reconnect when the broker
		 * is unreachable (default 10 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder subscribeTimeout(Duration timeout) {
			this.subscribeTimeout = requirePositive(timeout, "subscribeTimeout");
			return this;
		}

		/**
		 * Set how long {@link Harness#publish(String, Object)} waits for the transport to
		 * confirm a message sent (default 10 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder publishTimeout(Duration timeout) {
			this.publishTimeout = requirePositive(timeout, "publishTimeout");
			return this;
		}

		/**
		 * Set what a correlating harness does with messages that carry no correlation id
		 * (default {@link Unidentified#IGNORE}: they count for no scenario, go to the
		 * surprise log, and a scenario that times out next to them says so). Has no
		 * effect with {@link CorrelationPolicy#none()}, where every message is offered to
		 * every scenario on its topic.
		 * @param unidentified what to do with messages without an id
		 * @return this builder
		 */
		public Builder unidentified(Unidentified unidentified) {
			this.unidentified = Objects.requireNonNull(unidentified, "unidentified");
			return this;
		}

		/**
		 * Add an observer told about this harness's scenarios.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(ScenarioObserver observer) {
			this.observers.add(Objects.requireNonNull(observer, "observer"));
			return this;
		}

		/**
		 * Set whether a SLOW handle fails its scenario (default {@code true}). When
		 * {@code false}, SLOW is still reported but {@code passed()} treats it as
		 * passing.
		 * @param slowFails whether SLOW fails
		 * @return this builder
		 */
		public Builder slowFails(boolean slowFails) {
			this.slowFails = slowFails;
			return this;
		}

		/**
		 * Set whether passing scenarios keep their timeline for reports (default
		 * {@code false}: only failing ones, those with replies and those that met
		 * transport problems do).
		 * @param keepTimelines whether to keep every timeline
		 * @return this builder
		 */
		public Builder keepTimelines(boolean keepTimelines) {
			this.keepTimelines = keepTimelines;
			return this;
		}

		/**
		 * Set how many topics nobody listens to keep their transport subscription, most
		 * recently used first (default 64; 0 unsubscribes at once).
		 * @param count the number of idle subscriptions kept
		 * @return this builder
		 */
		public Builder idleSubscriptions(int count) {
			if (count < 0) {
				throw new IllegalArgumentException("idleSubscriptions must not be negative, got " + count);
			}
			this.idleSubscriptions = count;
			return this;
		}

		/**
		 * Set how many surprises the harness remembers (default 1000).
		 * @param capacity the capacity
		 * @return this builder
		 */
		public Builder surpriseCapacity(int capacity) {
			if (capacity < 0) {
				throw new IllegalArgumentException("surpriseCapacity must not be negative, got " + capacity);
			}
			this.surpriseCapacity = capacity;
			return this;
		}

		/**
		 * Set the check that runs before the harness is used (default: none). See
		 * {@link ReadinessCheck} for when it runs.
		 * @param check the check
		 * @return this builder
		 */
		public Builder readinessCheck(ReadinessCheck check) {
			this.readinessCheck = Objects.requireNonNull(check, "check");
			return this;
		}

		/**
		 * Set whether {@link Harness#connect()} logs a warning when the correlation
		 * policy is {@link CorrelationPolicy#none()} (default {@code true}). Switch it
		 * off when the code that builds the harness warns in its own words, naming its
		 * own way to configure a policy.
		 * @param warn whether to warn
		 * @return this builder
		 */
		public Builder warnWithoutCorrelation(boolean warn) {
			this.warnWithoutCorrelation = warn;
			return this;
		}

		private static Duration requirePositive(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException(name + " must be positive, got " + duration);
			}
			return duration;
		}

		/**
		 * Build the harness, not yet connected.
		 * @return the harness
		 * @throws IllegalArgumentException if a header correlation policy meets a
		 * transport that carries no headers
		 */
		public Harness build() {
			if (this.correlation.usesHeaders() && !this.transport.capabilities().headers()) {
				throw new IllegalArgumentException(
						this.correlation + " keeps the correlation id in a header, but the " + this.transport.name()
								+ " transport carries no headers; use CorrelationPolicy.field(...)" + " instead");
			}
			return new Harness(this);
		}

	}

}

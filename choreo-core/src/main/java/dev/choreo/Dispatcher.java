package dev.choreo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.StampedLock;
import java.util.concurrent.atomic.LongAdder;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.Envelope;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a harness's inbound messages to the scopes that want them. Holds one transport
 * subscription per topic however many scopes listen to it, routes each message by its
 * correlation id to the one scope that owns the id, and logs what nobody claims as a
 * {@link Surprise}. A message without an id is ignored (and counted per topic, so a scope
 * that times out can say so) or offered to every scope listening on the topic, as the
 * harness's {@link Unidentified} setting says. Matching and replies run in each scope's
 * {@link Lanes.Lane}, never on the transport's delivery thread.
 * <p>
 * A topic nobody listens to any more keeps its subscription while it is among the most
 * recently used idle topics, so sequential scenarios on the same topics do not
 * resubscribe each time.
 */
final class Dispatcher {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

		private Log() {
		}

	}

	private static final int LATE_ID_MEMORY = 4096;

	private final Harness harness;

	private final int idleCapacity;

	private final Map<String, TopicEntry> topics = new ConcurrentHashMap<>();

	private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

	/**
	 * The ids of the last {@value #LATE_ID_MEMORY} scopes that closed, so a message that
	 * arrives for one of them is logged as late: a ring, each slot's id forgotten when
	 * the slot is taken again, with the ids' hash codes side by side so that a lookup
	 * (only for a message no open scope owns) scans a compact array. Closing scopes take
	 * their slots from a counter and take no lock; a lookup racing with a close may miss
	 * the id being written, as it would miss it a moment earlier.
	 */
	private final AtomicReferenceArray<String> closedIds = new AtomicReferenceArray<>(LATE_ID_MEMORY);

	private final AtomicIntegerArray closedHashes = new AtomicIntegerArray(LATE_ID_MEMORY);

	private final AtomicInteger closedNext = new AtomicInteger();

	private final LinkedHashSet<TopicEntry> idle = new LinkedHashSet<>();

	private final SurpriseLog surprises;

	private final Map<String, LongAdder> unidentified = new ConcurrentHashMap<>();

	Dispatcher(Harness harness, int idleCapacity, int surpriseCapacity) {
		this.harness = harness;
		this.idleCapacity = idleCapacity;
		this.surprises = new SurpriseLog(surpriseCapacity);
	}

	/**
	 * Register an interest and return a future that completes once its topic's
	 * subscription is live.
	 */
	CompletableFuture<Void> register(Interest interest) {
		while (true) {
			TopicEntry entry = this.topics.computeIfAbsent(interest.topic(), TopicEntry::new);
			CompletableFuture<Void> ready = entry.ready;
			if (ready != null && !ready.isCompletedExceptionally()) {
				// the topic is subscribed (or subscribing): join it without the entry's
				// lock
				long stamp = entry.gate.readLock();
				try {
					if (!entry.closed && entry.ready == ready) {
						join(entry, interest);
						return ready;
					}
				}
				finally {
					entry.gate.unlockRead(stamp);
				}
				if (entry.closed) {
					continue;
				}
			}
			synchronized (entry) {
				long stamp = entry.gate.readLock();
				try {
					if (entry.closed) {
						continue;
					}
					join(entry, interest);
					CompletableFuture<Void> current = entry.ready;
					if (current == null || current.isCompletedExceptionally()) {
						current = subscribe(entry);
						entry.ready = current;
					}
					return current;
				}
				finally {
					entry.gate.unlockRead(stamp);
				}
			}
		}
	}

	private void join(TopicEntry entry, Interest interest) {
		entry.interests.add(interest);
		if (entry.idle) {
			markBusy(entry);
		}
	}

	private CompletableFuture<Void> subscribe(TopicEntry entry) {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		try {
			this.harness.transport()
				.subscribe(entry.topic, (message) -> dispatch(entry, message))
				.whenComplete((subscription, error) -> subscribed(entry, ready, subscription, error));
		}
		catch (RuntimeException ex) {
			ready.completeExceptionally(ex);
		}
		return ready;
	}

	private void subscribed(TopicEntry entry, CompletableFuture<Void> ready, @Nullable Subscription subscription,
			@Nullable Throwable error) {
		if (error != null || subscription == null) {
			ready.completeExceptionally((error != null) ? error : new IllegalStateException("no subscription"));
			return;
		}
		boolean discard;
		synchronized (entry) {
			discard = entry.closed;
			if (!discard) {
				entry.subscription = subscription;
			}
		}
		if (discard) {
			unsubscribe(entry.topic, subscription);
		}
		ready.complete(null);
	}

	/**
	 * Remove an interest; its topic becomes idle when nothing else listens to it.
	 */
	void unregister(Interest interest) {
		TopicEntry entry = this.topics.get(interest.topic());
		if (entry == null) {
			return;
		}
		entry.interests.remove(interest);
		if (entry.interests.isEmpty()) {
			markIdle(entry);
		}
	}

	private void markBusy(TopicEntry entry) {
		synchronized (this.idle) {
			this.idle.remove(entry);
			entry.idle = false;
		}
	}

	private void markIdle(TopicEntry entry) {
		List<TopicEntry> evicted = List.of();
		synchronized (this.idle) {
			this.idle.add(entry);
			entry.idle = true;
			if (this.idle.size() > this.idleCapacity) {
				evicted = new ArrayList<>();
				Iterator<TopicEntry> iterator = this.idle.iterator();
				while (this.idle.size() - evicted.size() > this.idleCapacity && iterator.hasNext()) {
					evicted.add(iterator.next());
				}
				this.idle.removeAll(evicted);
				for (TopicEntry gone : evicted) {
					gone.idle = false;
				}
			}
		}
		evicted.forEach(this::evict);
	}

	private void evict(TopicEntry entry) {
		Subscription subscription;
		synchronized (entry) {
			long stamp = entry.gate.writeLock();
			try {
				if (!entry.interests.isEmpty() || entry.closed) {
					return;
				}
				entry.closed = true;
				subscription = entry.subscription;
				entry.subscription = null;
				this.topics.remove(entry.topic, entry);
			}
			finally {
				entry.gate.unlockWrite(stamp);
			}
		}
		if (subscription != null) {
			unsubscribe(entry.topic, subscription);
		}
	}

	private void unsubscribe(String topic, Subscription subscription) {
		try {
			subscription.unsubscribe();
		}
		catch (RuntimeException ex) {
			Log.logger.warn("Could not unsubscribe from '{}' on harness '{}' ({}); the subscription may leak", topic,
					this.harness.name(), ex.getClass().getName());
		}
	}

	void bind(Binding binding) {
		String id = binding.wireId();
		if (id != null) {
			this.bindings.put(id, binding);
		}
	}

	void unbind(Binding binding) {
		String id = binding.wireId();
		if (id != null && this.bindings.remove(id, binding)) {
			rememberClosed(id);
		}
	}

	private void rememberClosed(String id) {
		int hash = id.hashCode();
		int slot = Math.floorMod(this.closedNext.getAndIncrement(), LATE_ID_MEMORY);
		this.closedHashes.set(slot, hash);
		this.closedIds.set(slot, id);
	}

	private boolean recentlyClosed(String id) {
		int hash = id.hashCode();
		for (int i = 0; i < LATE_ID_MEMORY; i++) {
			if (this.closedHashes.get(i) == hash && id.equals(this.closedIds.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Route one inbound message. Final by design: routing is the engine's job, never a
	 * subclass's. Never throws: whatever a codec or a policy raises is caught here, so a
	 * transport's delivery loop cannot die of it.
	 */
	final void dispatch(TopicEntry entry, TransportMessage message) {
		try {
			route(entry, message);
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.warn("Routing a message on '{}' raised {}; the message is dropped and delivery goes on",
					message.topic(), ex.getClass().getName());
		}
	}

	private void route(TopicEntry entry, TransportMessage message) {
		Codec codec = this.harness.codec();
		Object decoded;
		try {
			decoded = codec.decode(message.payload());
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.warn("Codec {} could not decode a message on '{}' ({}); the message is dropped",
					codec.getClass().getSimpleName(), message.topic(), ex.getClass().getName());
			return;
		}
		String id = null;
		CorrelationPolicy policy = this.harness.correlation();
		boolean correlating = policy.routesByCorrelation();
		if (correlating) {
			try {
				id = policy.read(new Envelope(message.topic(), decoded, message.headers()));
			}
			catch (Throwable ex) {
				UserCode.rethrowIfFatal(ex);
				Log.logger.warn("Correlation policy {} could not read a message on '{}' ({}); the message is dropped",
						policy.getClass().getSimpleName(), message.topic(), ex.getClass().getName());
				surprise(message, null, Surprise.Kind.POLICY_ERROR);
				return;
			}
		}
		Inbound inbound = Inbound.of(message, decoded, codec instanceof JsonCodec, id);
		if (id != null) {
			routeById(entry, inbound, id);
			return;
		}
		Collection<Interest> interests = entry.interests;
		if (interests.isEmpty()) {
			surprise(message, null, Surprise.Kind.UNCLAIMED);
			return;
		}
		if (correlating) {
			this.unidentified.computeIfAbsent(entry.topic, (topic) -> new LongAdder()).increment();
			if (this.harness.unidentified() == Unidentified.IGNORE) {
				surprise(message, null, Surprise.Kind.UNIDENTIFIED);
				return;
			}
		}
		for (Interest interest : interests) {
			interest.binding().deliver(interest, inbound);
		}
	}

	private void routeById(TopicEntry entry, Inbound inbound, String id) {
		Binding binding = this.bindings.get(id);
		if (binding == null) {
			surprise(inbound.message(), id, recentlyClosed(id) ? Surprise.Kind.LATE : Surprise.Kind.UNKNOWN_SCOPE);
		}
		else if (!binding.deliver(entry.topic, inbound)) {
			surprise(inbound.message(), id, Surprise.Kind.UNCLAIMED);
		}
	}

	/**
	 * Return how many messages without a correlation id arrived on a subscribed topic
	 * since the harness was built, while something listened to it.
	 */
	long unidentifiedCount(String topic) {
		LongAdder count = this.unidentified.get(topic);
		return (count != null) ? count.sum() : 0;
	}

	static void offer(Interest interest, Inbound inbound) {
		try {
			interest.offer(inbound);
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.warn("Delivering a message on '{}' raised {}; delivery to other scenarios goes on",
					inbound.topic(), ex.getClass().getName());
		}
	}

	private void surprise(TransportMessage message, @Nullable String id, Surprise.Kind kind) {
		this.surprises.add(this.harness.name(), message.topic(), id, message.payload().length, kind);
	}

	long surpriseCount() {
		return this.surprises.total();
	}

	List<Surprise> surprises() {
		return this.surprises.entries();
	}

	int interestCount() {
		int count = 0;
		for (TopicEntry entry : this.topics.values()) {
			count += entry.interests.size();
		}
		return count;
	}

	int subscriptionCount() {
		int count = 0;
		for (TopicEntry entry : this.topics.values()) {
			if (entry.subscription != null) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Drop every subscription, as the harness closes.
	 */
	void clear() {
		List<TopicEntry> entries = new ArrayList<>(this.topics.values());
		synchronized (this.idle) {
			this.idle.forEach((entry) -> entry.idle = false);
			this.idle.clear();
		}
		for (TopicEntry entry : entries) {
			Subscription subscription;
			synchronized (entry) {
				long stamp = entry.gate.writeLock();
				try {
					entry.closed = true;
					subscription = entry.subscription;
					entry.subscription = null;
					entry.interests.clear();
					this.topics.remove(entry.topic, entry);
				}
				finally {
					entry.gate.unlockWrite(stamp);
				}
			}
			if (subscription != null) {
				unsubscribe(entry.topic, subscription);
			}
		}
		this.bindings.clear();
	}

	/**
	 * One topic's subscription and the interests that share it.
	 */
	static final class TopicEntry {

		final String topic;

		/**
		 * The interests in the order they registered: added and removed under the entry's
		 * lock without copying (a busy topic has many), read without it.
		 */
		final Collection<Interest> interests = new ConcurrentLinkedDeque<>();

		/** Set under the entry's lock; read without it by registrations that join. */
		volatile @Nullable CompletableFuture<Void> ready;

		volatile @Nullable Subscription subscription;

		/**
		 * Set once, under the entry's lock and the gate's write lock, and only while no
		 * interest is registered.
		 */
		volatile boolean closed;

		/**
		 * Registrations hold it shared while they add an interest, eviction and clearing
		 * exclusively while they close the entry, so no interest joins an entry that
		 * closes for having none. Taken after the entry's lock, never before it.
		 */
		final StampedLock gate = new StampedLock();

		/**
		 * Whether the entry is in the idle set; changed only under that set's lock, read
		 * without it so a busy topic's registrations skip the lock.
		 */
		volatile boolean idle;

		TopicEntry(String topic) {
			this.topic = topic;
		}

	}

}

package dev.choreo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.choreo.internal.Redaction;
import dev.choreo.match.MessageMatcher;
import dev.choreo.match.Matchers;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link Scenario} and {@link StageScenario}: one scenario's state
 * machine, expectations, replies, timeline and deadline, spread over one binding per
 * harness.
 * <p>
 * The lock guards the scope's own bookkeeping only, and is held for a few field updates
 * at a time: no user code (matchers, builders, codecs, policies, observers) and no
 * transport call ever runs under it, and the timeline has a lock of its own.
 */
final class Scope {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Scenario.class);

		private Log() {
		}

	}

	private static final AtomicLong ids = new AtomicLong();

	enum State {

		BUILDER, EXPECTING, TRIGGERED, CLOSED

	}

	final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final long id = ids.incrementAndGet();

	private final String name;

	private final @Nullable String correlationId;

	private final Instant startedAt;

	private final long startNanos;

	private final Timeline timeline;

	private final Map<String, Binding> bindings = new LinkedHashMap<>();

	/** The names of the bindings' harnesses, set as the scope opens. */
	private List<String> harnessNames = List.of();

	private final List<ScenarioObserver> observers;

	private final boolean observersWantTimelines;

	private final Settings settings;

	private final List<Expectation> expectations = new ArrayList<>();

	private final List<Reply> replies = new ArrayList<>();

	private final List<Interest> registrations = new ArrayList<>();

	private final Set<ReplyChain<?>> unbound = new LinkedHashSet<>();

	private final List<String> problems = new ArrayList<>(0);

	/**
	 * Outages of a harness that began before the trigger and have not ended: they become
	 * problems at the trigger, or are forgotten when the connection is back before it.
	 */
	private final Map<Binding, String> outagesBeforeTrigger = new LinkedHashMap<>(0);

	private State state = State.BUILDER;

	private boolean awaited;

	private volatile boolean triggered;

	private volatile long triggerNanos;

	private @Nullable String abortReason;

	private @Nullable String abortCause;

	private Scope(String name, @Nullable String correlationId, Settings settings, List<ScenarioObserver> observers) {
		this.name = name;
		this.correlationId = correlationId;
		this.settings = settings;
		this.observers = observers;
		this.observersWantTimelines = anyWantsTimelines(observers);
		this.startNanos = System.nanoTime();
		this.startedAt = Instant.now();
		this.timeline = new Timeline(this.startNanos, this.startedAt);
	}

	/**
	 * Open a scope over harnesses, each with its wire correlation id.
	 */
	static Scope open(String name, @Nullable String correlationId, List<Member> members, Settings settings) {
		List<ScenarioObserver> local;
		if (members.size() == 1) {
			local = members.get(0).harness().observers();
		}
		else {
			local = new ArrayList<>();
			for (Member member : members) {
				local.addAll(member.harness().observers());
			}
		}
		Scope scope = new Scope(name, correlationId, settings, ScenarioObservers.all(local));
		for (Member member : members) {
			scope.bindings.put(member.name(), new Binding(scope, member.name(), member.harness(), member.wireId()));
		}
		scope.harnessNames = List.copyOf(scope.bindings.keySet());
		for (Binding binding : scope.bindings.values()) {
			binding.harness().opened(binding);
		}
		if (!scope.observers.isEmpty()) {
			ScenarioObservers.started(scope.observers,
					new ScenarioStarted(scope.id, name, correlationId, scope.startedAt, scope.harnessNames));
		}
		return scope;
	}

	String name() {
		return this.name;
	}

	@Nullable String correlationId() {
		return this.correlationId;
	}

	Binding binding(String harness) {
		Binding binding = this.bindings.get(harness);
		if (binding == null) {
			throw new IllegalArgumentException(
					"No harness named '" + harness + "' in this scenario; it has " + this.bindings.keySet());
		}
		return binding;
	}

	Binding onlyBinding() {
		return this.bindings.values().iterator().next();
	}

	private static boolean anyWantsTimelines(List<ScenarioObserver> observers) {
		for (ScenarioObserver observer : observers) {
			if (wantsTimelines(observer)) {
				return true;
			}
		}
		return false;
	}

	private static boolean wantsTimelines(ScenarioObserver observer) {
		try {
			return observer.wantsTimelines();
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			return false;
		}
	}

	// --- building ---------------------------------------------------------------------

	Handle expect(Binding binding, String topic, MessageMatcher matcher, @Nullable Class<?> type, boolean negative) {
		requireTopic(topic);
		Objects.requireNonNull(matcher, "matcher");
		binding.harness().requireConnected();
		Expectation expectation = new Expectation(this, binding, topic, matcher, type, negative);
		this.lock.lock();
		try {
			requireBuilding(negative ? "expectNone()" : "expect()", "expectations");
			this.expectations.add(expectation);
			this.registrations.add(expectation);
			binding.add(expectation);
		}
		finally {
			this.lock.unlock();
		}
		try {
			awaitLive(binding, expectation);
		}
		catch (RuntimeException ex) {
			withdraw(binding, expectation);
			throw ex;
		}
		long unidentified = binding.harness().dispatcher().unidentifiedCount(topic);
		this.lock.lock();
		try {
			expectation.live(System.nanoTime(), unidentified);
			if (this.state == State.BUILDER) {
				this.state = State.EXPECTING;
			}
		}
		finally {
			this.lock.unlock();
		}
		return expectation.handle;
	}

	private void withdraw(Binding binding, Expectation expectation) {
		this.lock.lock();
		try {
			this.expectations.remove(expectation);
			this.registrations.remove(expectation);
			binding.remove(expectation);
		}
		finally {
			this.lock.unlock();
		}
		binding.harness().dispatcher().unregister(expectation);
	}

	<S> ReplyChain<S> on(S owner, Binding binding, String topic, @Nullable MessageMatcher matcher) {
		requireTopic(topic);
		this.lock.lock();
		try {
			requireBuilding("on()", "replies");
			if (this.state == State.BUILDER) {
				this.state = State.EXPECTING;
			}
		}
		finally {
			this.lock.unlock();
		}
		ReplyChain<S> chain = new ReplyChain<>(owner, this, binding, topic,
				(matcher != null) ? matcher : Matchers.anyPayload());
		this.lock.lock();
		try {
			this.unbound.add(chain);
		}
		finally {
			this.lock.unlock();
		}
		return chain;
	}

	/**
	 * Forget a chain whose reply could not be bound.
	 */
	void abandon(ReplyChain<?> chain) {
		this.lock.lock();
		try {
			this.unbound.remove(chain);
		}
		finally {
			this.lock.unlock();
		}
	}

	void addReply(ReplyChain<?> chain, Reply reply) {
		Binding binding = reply.binding();
		abandon(chain);
		binding.harness().requireConnected();
		this.lock.lock();
		try {
			requireBuilding("publish() on the reply chain", "replies");
			this.replies.add(reply);
			this.registrations.add(reply);
			binding.add(reply);
		}
		finally {
			this.lock.unlock();
		}
		try {
			awaitLive(binding, reply);
		}
		catch (RuntimeException ex) {
			this.lock.lock();
			try {
				this.replies.remove(reply);
				this.registrations.remove(reply);
				binding.remove(reply);
			}
			finally {
				this.lock.unlock();
			}
			binding.harness().dispatcher().unregister(reply);
			throw ex;
		}
	}

	/**
	 * Register an interest and wait until its subscription is live. While the broker is
	 * unreachable it waits for the transport to reconnect first, and a subscription that
	 * fails because the connection went meanwhile is tried again, all within the
	 * harness's subscribe timeout.
	 */
	private void awaitLive(Binding binding, Interest interest) {
		Harness harness = binding.harness();
		Duration timeout = harness.subscribeTimeout();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			harness.requireConnected();
			harness.awaitReachable(interest.topic(), deadline);
			long outages = harness.outageCount();
			CompletableFuture<Void> ready = harness.dispatcher().register(interest);
			try {
				ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				return;
			}
			catch (TimeoutException ex) {
				if (harness.isConnected() && harness.outageCount() == outages) {
					throw new TransportException("Could not subscribe to '" + interest.topic() + "' on harness '"
							+ harness.name() + "' within " + Texts.duration(timeout) + "; is the broker reachable?");
				}
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				if (harness.isConnected() && harness.outageCount() == outages) {
					throw new TransportException("Could not subscribe to '" + interest.topic() + "' on harness '"
							+ harness.name() + "': " + cause.getMessage(), cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TransportException("Interrupted while subscribing to '" + interest.topic() + "'");
			}
			// the connection went while subscribing (it may be back already): wait for
			// it,
			// then subscribe again
			harness.dispatcher().unregister(interest);
		}
	}

	private void requireBuilding(String what, String kind) {
		if (this.state == State.CLOSED) {
			throw closed(what);
		}
		if (this.state == State.TRIGGERED) {
			throw new IllegalScenarioStateException("Scenario '" + this.name + "' has already published: call " + what
					+ " before the first publish(), since " + kind + " must be live before their messages are sent");
		}
	}

	private IllegalScenarioStateException closed(String what) {
		return new IllegalScenarioStateException("Scenario '" + this.name + "' is closed, so " + what
				+ " is not allowed; open a new scenario for more steps");
	}

	private static void requireTopic(String topic) {
		Objects.requireNonNull(topic, "topic");
		if (topic.isEmpty()) {
			throw new IllegalArgumentException("A topic must not be empty");
		}
	}

	// --- triggering -------------------------------------------------------------------

	void publish(Binding binding, String topic, @Nullable Object payload) {
		requireTopic(topic);
		requireTriggerable("publish()");
		Harness harness = binding.harness();
		harness.requireConnected();
		OutboundMessage message = (payload instanceof OutboundMessage outbound) ? outbound
				: OutboundMessage.of(payload);
		OutboundMessage stamped = Stamping.stamp(harness, topic, message, binding.wireId()).message();
		TransportMessage wire = new TransportMessage(topic, harness.encode(stamped.payload()), stamped.headers(),
				stamped.key(), stamped.replyTo());
		startTrigger();
		record(binding, topic, TimelineAction.PUBLISHED, "");
		try {
			harness.publishChecked(wire, publishCallback(binding, topic));
		}
		catch (RuntimeException ex) {
			publishFailed(binding, topic, ex);
		}
	}

	private PublishCallback publishCallback(Binding binding, String topic) {
		return new PublishCallback() {

			@Override
			public void onSent() {
				record(binding, topic, TimelineAction.ACKNOWLEDGED, "");
			}

			@Override
			public void onError(Throwable error) {
				publishFailed(binding, topic, error);
			}

		};
	}

	private void publishFailed(Binding binding, String topic, Throwable error) {
		String reason = UserCode.describe(error);
		problem(binding, topic, TimelineAction.PUBLISH_FAILED,
				"publish to '" + topic + "' on harness '" + binding.harnessName() + "' failed: " + reason, reason);
	}

	void trigger(Runnable action) {
		Objects.requireNonNull(action, "action");
		requireTriggerable("trigger()");
		boolean first = markTriggerTime();
		try {
			action.run();
		}
		catch (RuntimeException | Error ex) {
			if (first) {
				this.triggered = false;
			}
			throw ex;
		}
		startTrigger();
	}

	private void requireTriggerable(String what) {
		this.lock.lock();
		try {
			if (this.state == State.CLOSED) {
				throw closed(what);
			}
			if (this.state == State.TRIGGERED) {
				return;
			}
			if (!this.unbound.isEmpty()) {
				ReplyChain<?> chain = this.unbound.iterator().next();
				throw new IllegalScenarioStateException("Scenario '" + this.name + "' has an on('" + chain.topic()
						+ "') with no reply: finish it with .respond(...), .publish(...) or .publishOn(...) before "
						+ what);
			}
			if (this.expectations.isEmpty() && this.replies.stream().allMatch(Reply::isOptional)) {
				throw new IllegalScenarioStateException("Scenario '" + this.name + "' has nothing to check: add"
						+ " expect(...), expectNone(...) or a reply with on(...).respond/publish(...)");
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The scenario's first publish or trigger: the moment latencies are measured from.
	 */
	private void startTrigger() {
		markTriggerTime();
		this.lock.lock();
		try {
			if (this.state == State.EXPECTING) {
				this.state = State.TRIGGERED;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take the trigger's time, the first time only.
	 * @return whether this call took it
	 */
	private boolean markTriggerTime() {
		this.lock.lock();
		try {
			if (this.triggered) {
				return false;
			}
			this.triggerNanos = System.nanoTime();
			this.triggered = true;
			this.problems.addAll(this.outagesBeforeTrigger.values());
			this.outagesBeforeTrigger.clear();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the moment an expectation's latency is measured from: the scenario's
	 * trigger, or the expectation's registration when it resolves before any trigger.
	 */
	long anchor(long registeredAt, long now) {
		if (this.triggered) {
			long trigger = this.triggerNanos;
			if (now - trigger >= 0) {
				return trigger;
			}
		}
		return registeredAt;
	}

	/**
	 * Return whether a moment lies after the window of a negative expectation, which
	 * starts at the trigger.
	 */
	boolean afterWindow(Expectation expectation, long nanos) {
		return this.triggered && nanos - this.triggerNanos > expectation.windowNanos;
	}

	// --- waiting
	// ------------------------------------------------------------------------

	ScenarioResult awaitAll(Duration timeout) {
		Objects.requireNonNull(timeout, "timeout");
		ScenarioResult result;
		this.lock.lock();
		try {
			if (this.state == State.CLOSED) {
				throw closed("awaitAll()");
			}
			if (this.state != State.TRIGGERED) {
				throw new IllegalScenarioStateException("Scenario '" + this.name + "' has not published anything: call"
						+ " publish() or trigger() before awaitAll()");
			}
			waitForResolution(System.nanoTime() + Math.max(0, timeout.toNanos()));
			long wake = System.nanoTime();
			for (Expectation expectation : this.expectations) {
				if (expectation.outcome == Outcome.PENDING) {
					expectation.expire(wake, timeout);
				}
			}
			result = result(true);
			this.awaited = true;
		}
		finally {
			this.lock.unlock();
		}
		ScenarioObservers.finished(this.observers, result, true);
		return result;
	}

	/**
	 * Wait until every positive expectation has resolved, every negative one's window has
	 * ended, and every reply that must fire has been sent or has failed; or until the
	 * deadline. Called with the lock held.
	 */
	private void waitForResolution(long deadline) {
		boolean interrupted = false;
		for (Binding binding : this.bindings.values()) {
			binding.lane().startWaiting(this::replySettled);
		}
		try {
			while (true) {
				if (drainHanded()) {
					continue;
				}
				long now = System.nanoTime();
				long wake = settle(now);
				long remaining = deadline - now;
				if (wake == 0 || remaining <= 0) {
					break;
				}
				try {
					this.changed.awaitNanos(Math.min(remaining, wake));
				}
				catch (InterruptedException ex) {
					interrupted = true;
					break;
				}
			}
		}
		finally {
			for (Binding binding : this.bindings.values()) {
				Lanes.Lane lane = binding.lane();
				if (lane.stopWaiting()) {
					unlocked(lane::drainStopped);
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Run the work a lane handed to this waiting thread (matching the messages that
	 * arrived). Called with the lock held; returns with it held.
	 * @return whether any work was handed over
	 */
	private boolean drainHanded() {
		boolean any = false;
		for (Binding binding : this.bindings.values()) {
			Lanes.Lane lane = binding.lane();
			if (lane.handed()) {
				any = true;
				unlocked(lane::drainHanded);
			}
		}
		return any;
	}

	/**
	 * Run a lane's work on this thread without the lock, as a lane's work always runs.
	 * Called with the lock held; returns with it held.
	 */
	private void unlocked(Runnable work) {
		this.lock.unlock();
		try {
			work.run();
		}
		finally {
			this.lock.lock();
		}
	}

	/**
	 * Close the windows that have ended and say how long to wait for the rest. Called
	 * with the lock held.
	 * @return 0 when everything is settled, otherwise the nanoseconds until the next
	 * window ends ({@link Long#MAX_VALUE} when only a message or a reply can settle it)
	 */
	private long settle(long now) {
		long wake = 0;
		for (Expectation expectation : this.expectations) {
			if (expectation.outcome != Outcome.PENDING) {
				continue;
			}
			if (!expectation.negative) {
				wake = Long.MAX_VALUE;
			}
			else if (afterWindow(expectation, now)) {
				expectation.windowEnded(now);
			}
			else {
				long end = this.triggerNanos + expectation.windowNanos - now + 1;
				wake = (wake == 0) ? end : Math.min(wake, end);
			}
		}
		for (Reply reply : this.replies) {
			if (reply.isAwaited()) {
				wake = Long.MAX_VALUE;
			}
		}
		return wake;
	}

	/**
	 * An expectation resolved. Called with the lock held.
	 */
	void resolved(Expectation expectation) {
		this.changed.signalAll();
	}

	/**
	 * A reply was sent or failed.
	 */
	void replySettled() {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	// --- recording
	// ------------------------------------------------------------------------

	/**
	 * Record a timeline entry. Needs no lock.
	 */
	void record(Binding binding, String topic, TimelineAction action, String detail) {
		this.timeline.add(binding.harnessName(), topic, action, detail);
	}

	/**
	 * Record a problem that fails the scenario, and its timeline entry.
	 */
	void problem(Binding binding, String topic, TimelineAction action, String problem, String detail) {
		this.lock.lock();
		try {
			this.problems.add(problem);
		}
		finally {
			this.lock.unlock();
		}
		record(binding, topic, action, detail);
	}

	/**
	 * Return the offset of a moment from the scope's start, in milliseconds.
	 */
	double offsetMillis(long nanos) {
		return (nanos - this.startNanos) / 1_000_000.0;
	}

	/**
	 * A harness of this scope lost or regained its connection. A loss fails the scenario:
	 * messages may have been lost meanwhile, so its outcome cannot be trusted. An outage
	 * that ends before the trigger fails nothing, since none of the scenario's messages
	 * was sent yet and its subscriptions are live again before {@code expect} returns;
	 * one still going on at the trigger does.
	 */
	void transportEvent(Binding binding, boolean down, String description) {
		double at = offsetMillis(System.nanoTime());
		if (down) {
			binding.down(at);
			String problem = "harness '" + binding.harnessName() + "' lost its connection at " + Texts.millis(at) + ": "
					+ description;
			this.lock.lock();
			try {
				if (this.triggered) {
					this.problems.add(problem);
				}
				else {
					this.outagesBeforeTrigger.putIfAbsent(binding, problem);
				}
			}
			finally {
				this.lock.unlock();
			}
			record(binding, "", TimelineAction.TRANSPORT_DOWN, description);
		}
		else {
			binding.up(at);
			this.lock.lock();
			try {
				if (!this.triggered) {
					this.outagesBeforeTrigger.remove(binding);
				}
			}
			finally {
				this.lock.unlock();
			}
			record(binding, "", TimelineAction.TRANSPORT_UP, description);
		}
	}

	// --- closing
	// --------------------------------------------------------------------------

	/**
	 * Mark the scope as aborted by an exception, so a later close reports why.
	 */
	void abort(Throwable cause) {
		Objects.requireNonNull(cause, "cause");
		this.lock.lock();
		try {
			this.abortCause = cause.getClass().getName();
			this.abortReason = "aborted: the test raised " + this.abortCause + " before awaitAll()";
		}
		finally {
			this.lock.unlock();
		}
	}

	void close() {
		List<Interest> toRelease;
		List<Reply> armed = new ArrayList<>();
		ScenarioResult partial = null;
		boolean registeredSomething;
		String raisedAfterAwait = null;
		this.lock.lock();
		try {
			if (this.state == State.CLOSED) {
				return;
			}
			registeredSomething = !this.registrations.isEmpty();
			if (this.awaited) {
				raisedAfterAwait = this.abortCause;
			}
			if (!this.awaited) {
				String reason = (this.abortReason != null) ? this.abortReason
						: "aborted: the scenario was closed before awaitAll()";
				for (Expectation expectation : this.expectations) {
					if (expectation.outcome == Outcome.PENDING) {
						expectation.abort(reason);
					}
				}
				partial = result(false);
			}
			for (Reply reply : this.replies) {
				if (reply.isArmed()) {
					armed.add(reply);
				}
			}
			this.state = State.CLOSED;
			toRelease = new ArrayList<>(this.registrations);
		}
		finally {
			this.lock.unlock();
		}
		if (raisedAfterAwait != null) {
			Log.logger.warn("Scenario '{}' raised {} AFTER awaitAll() completed; its result was already reported and is"
					+ " not reported again", this.name, raisedAfterAwait);
		}
		armed.forEach(this::warnNeverSent);
		release(toRelease);
		this.bindings.values().forEach((binding) -> binding.harness().closed(binding));
		if (partial != null) {
			if (registeredSomething && this.abortReason == null) {
				Log.logger.warn("Scenario '{}' was closed without awaitAll(); its expectations and replies were never"
						+ " resolved", this.name);
			}
			ScenarioObservers.finished(this.observers, partial, false);
		}
	}

	private void warnNeverSent(Reply reply) {
		Log.logger.warn("Reply never sent: trigger={} reply={} matcher={} state={} candidates={}", reply.topic(),
				reply.replyTopicLabel(), Redaction.matcherDescription(reply.matcherDescription()),
				reply.report().state().value(), reply.candidates());
	}

	private void release(List<Interest> interests) {
		for (Interest interest : interests) {
			interest.binding().remove(interest);
			try {
				interest.binding().harness().dispatcher().unregister(interest);
			}
			catch (RuntimeException ex) {
				Log.logger.warn("Scenario teardown could not unsubscribe from '{}' ({}); the subscription may leak",
						interest.topic(), ex.getClass().getName());
			}
		}
	}

	// --- results
	// ----------------------------------------------------------------------------

	private ScenarioResult result(boolean completedNormally) {
		Handle[] handles = new Handle[this.expectations.size()];
		boolean passed = true;
		int index = 0;
		for (Expectation expectation : this.expectations) {
			handles[index++] = expectation.handle;
			Outcome outcome = expectation.outcome;
			if (outcome != Outcome.PASS && !(outcome == Outcome.SLOW && !this.settings.slowFails())) {
				passed = false;
			}
		}
		List<String> problems = new ArrayList<>(this.problems);
		problems.addAll(this.outagesBeforeTrigger.values());
		ReplyReport[] replyReports = new ReplyReport[this.replies.size()];
		index = 0;
		for (Reply reply : this.replies) {
			replyReports[index++] = reply.report();
			if (completedNormally && reply.isArmed() && !reply.isOptional()) {
				problems.add(reply.neverTriggered());
			}
		}
		passed &= problems.isEmpty();
		boolean keepTimeline = !passed || !this.replies.isEmpty() || this.settings.keepTimelines()
				|| this.observersWantTimelines;
		double duration = (System.nanoTime() - this.startNanos) / 1_000_000.0;
		return new ScenarioResult(this.id, this.name, this.correlationId, this.startedAt, duration, List.of(handles),
				passed, keepTimeline ? this.timeline.snapshot() : Timeline.Snapshot.EMPTY,
				keepTimeline ? this.timeline.dropped() : 0, List.of(replyReports), List.copyOf(problems),
				completedNormally, this.harnessNames);
	}

	/**
	 * One harness of a scope, under the name the scope knows it by.
	 *
	 * @param name the name
	 * @param harness the harness
	 * @param wireId the correlation id the scope uses on that harness, or {@code null}
	 */
	record Member(String name, Harness harness, @Nullable String wireId) {
	}

	/**
	 * How a scope behaves, taken from its harness or stage.
	 *
	 * @param slowFails whether a SLOW handle fails the scenario
	 * @param keepTimelines whether passing scenarios keep their timeline
	 */
	record Settings(boolean slowFails, boolean keepTimelines) {
	}

}

package dev.choreo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.correlation.Envelope;
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
 */
final class Scope {

	private static final Logger logger = LoggerFactory.getLogger(Scenario.class);

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

	private final List<ScenarioObserver> observers;

	private final boolean observersWantTimelines;

	private final Settings settings;

	private final List<Expectation> expectations = new ArrayList<>();

	private final List<Reply> replies = new ArrayList<>();

	private final List<Interest> registrations = new ArrayList<>();

	private final List<String> problems = new ArrayList<>(0);

	private State state = State.BUILDER;

	private boolean awaited;

	private int pending;

	private @Nullable String abortReason;

	private @Nullable String abortCause;

	private Scope(String name, @Nullable String correlationId, Settings settings, List<ScenarioObserver> observers) {
		this.name = name;
		this.correlationId = correlationId;
		this.settings = settings;
		this.observers = observers;
		this.observersWantTimelines = observers.stream().anyMatch(Scope::wantsTimelines);
		this.startNanos = System.nanoTime();
		this.startedAt = Instant.now();
		this.timeline = new Timeline(this.startNanos, this.startedAt);
	}

	/**
	 * Open a scope over harnesses, each with its wire correlation id.
	 */
	static Scope open(String name, @Nullable String correlationId, List<Member> members, Settings settings) {
		List<ScenarioObserver> local = new ArrayList<>();
		members.forEach((member) -> local.addAll(member.harness().observers()));
		Scope scope = new Scope(name, correlationId, settings, ScenarioObservers.all(local));
		for (Member member : members) {
			scope.bindings.put(member.name(), new Binding(scope, member.name(), member.harness(), member.wireId()));
		}
		scope.bindings.values().forEach((binding) -> binding.harness().opened(binding));
		ScenarioObservers.started(scope.observers, new ScenarioStarted(scope.id, name, correlationId, scope.startedAt,
				List.copyOf(scope.bindings.keySet())));
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

	private static boolean wantsTimelines(ScenarioObserver observer) {
		try {
			return observer.wantsTimelines();
		}
		catch (RuntimeException ex) {
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
			this.pending++;
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
		this.lock.lock();
		try {
			expectation.registeredAt = System.nanoTime();
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
			this.pending--;
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
		return new ReplyChain<>(owner, this, binding, topic, (matcher != null) ? matcher : Matchers.anyPayload());
	}

	void addReply(Reply reply) {
		Binding binding = reply.binding();
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
		Object body = message.payload();
		Map<String, String> headers = message.headers();
		String wireId = binding.wireId();
		CorrelationPolicy policy = harness.correlation();
		if (wireId != null && (policy.usesHeaders() || !(body instanceof byte[]))) {
			Envelope stamped = write(policy, new Envelope(topic, harness.codec().toPlain(body), headers), wireId);
			body = stamped.payload();
			headers = stamped.headers();
		}
		TransportMessage wire = new TransportMessage(topic, harness.encode(body), headers, message.key(),
				message.replyTo());
		harness.publishChecked(wire, publishCallback(binding, topic));
		markTriggered();
	}

	private PublishCallback publishCallback(Binding binding, String topic) {
		return new PublishCallback() {

			@Override
			public void onSent() {
				recordLocked(binding, topic, TimelineAction.PUBLISHED, "");
			}

			@Override
			public void onError(Throwable error) {
				String problem = "publish to '" + topic + "' on harness '" + binding.harnessName() + "' failed: "
						+ error.getClass().getName();
				problem(binding, topic, TimelineAction.PUBLISH_FAILED, problem, error.getClass().getName());
			}

		};
	}

	void trigger(Runnable action) {
		Objects.requireNonNull(action, "action");
		requireTriggerable("trigger()");
		action.run();
		markTriggered();
	}

	private void requireTriggerable(String what) {
		this.lock.lock();
		try {
			if (this.state == State.CLOSED) {
				throw closed(what);
			}
			if (this.state == State.BUILDER) {
				throw new IllegalScenarioStateException("Scenario '" + this.name + "' has nothing to wait for: call"
						+ " expect() or on() before " + what);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void markTriggered() {
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

	static Envelope write(CorrelationPolicy policy, Envelope envelope, String correlationId) {
		try {
			Envelope stamped = policy.write(envelope, correlationId);
			if (stamped == null) {
				throw new IllegalStateException("write returned null");
			}
			return stamped;
		}
		catch (CorrelationIdNotInNamespaceException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CorrelationPolicyException(policy, "write", ex);
		}
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
			waitForResolution(timeout);
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

	private void waitForResolution(Duration timeout) {
		long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
		boolean interrupted = false;
		while (this.pending > 0) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			try {
				this.changed.awaitNanos(remaining);
			}
			catch (InterruptedException ex) {
				interrupted = true;
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * An expectation resolved. Called with the lock held.
	 */
	void resolved(Expectation expectation) {
		this.pending--;
		if (this.pending == 0) {
			this.changed.signalAll();
		}
	}

	// --- recording
	// ------------------------------------------------------------------------

	/**
	 * Record a timeline entry. Called with the lock held.
	 */
	void record(Binding binding, String topic, TimelineAction action, String detail) {
		this.timeline.add(binding.harnessName(), topic, action, detail);
	}

	private void recordLocked(Binding binding, String topic, TimelineAction action, String detail) {
		this.lock.lock();
		try {
			record(binding, topic, action, detail);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void problem(Binding binding, String topic, TimelineAction action, String problem, String detail) {
		this.lock.lock();
		try {
			this.problems.add(problem);
			record(binding, topic, action, detail);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A harness of this scope lost or regained its connection.
	 */
	void transportEvent(Binding binding, boolean down, String description) {
		this.lock.lock();
		try {
			double at = (System.nanoTime() - this.startNanos) / 1_000_000.0;
			if (down) {
				this.problems.add("harness '" + binding.harnessName() + "' lost its connection at " + Texts.millis(at)
						+ ": " + description);
			}
			record(binding, "", down ? TimelineAction.TRANSPORT_DOWN : TimelineAction.TRANSPORT_UP, description);
		}
		finally {
			this.lock.unlock();
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
			logger.warn("Scenario '{}' raised {} AFTER awaitAll() completed; its result was already reported and is"
					+ " not reported again", this.name, raisedAfterAwait);
		}
		armed.forEach(this::warnNeverSent);
		release(toRelease);
		this.bindings.values().forEach((binding) -> binding.harness().closed(binding));
		if (partial != null) {
			if (registeredSomething && this.abortReason == null) {
				logger.warn("Scenario '{}' was closed without awaitAll(); its expectations and replies were never"
						+ " resolved", this.name);
			}
			ScenarioObservers.finished(this.observers, partial, false);
		}
	}

	private void warnNeverSent(Reply reply) {
		logger.warn("Reply never sent: trigger={} reply={} matcher={} state={} candidates={}", reply.topic(),
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
				logger.warn("Scenario teardown could not unsubscribe from '{}' ({}); the subscription may leak",
						interest.topic(), ex.getClass().getName());
			}
		}
	}

	// --- results
	// ----------------------------------------------------------------------------

	private ScenarioResult result(boolean completedNormally) {
		List<Handle> handles = new ArrayList<>(this.expectations.size());
		boolean passed = true;
		for (Expectation expectation : this.expectations) {
			handles.add(expectation.handle);
			Outcome outcome = expectation.outcome;
			if (outcome != Outcome.PASS && !(outcome == Outcome.SLOW && !this.settings.slowFails())) {
				passed = false;
			}
		}
		List<ReplyReport> replyReports = new ArrayList<>(this.replies.size());
		for (Reply reply : this.replies) {
			replyReports.add(reply.report());
		}
		boolean keepTimeline = !passed || !this.replies.isEmpty() || !this.problems.isEmpty()
				|| this.settings.keepTimelines() || this.observersWantTimelines;
		double duration = (System.nanoTime() - this.startNanos) / 1_000_000.0;
		return new ScenarioResult(this.id, this.name, this.correlationId, this.startedAt, duration, handles, passed,
				keepTimeline ? this.timeline.entries() : List.of(), keepTimeline ? this.timeline.dropped() : 0,
				replyReports, List.copyOf(this.problems), completedNormally, List.copyOf(this.bindings.keySet()));
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

package dev.choreo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.match.ReceivedMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state behind a {@link Handle}. A message is evaluated (typed decoding, then the
 * matcher) without any lock; the verdict is then applied under the scope's lock, held
 * only for the few field updates and timeline entries, and only while the expectation is
 * still pending, so the first match wins, nothing changes after the deadline, and the
 * timeline lists only the messages that counted. Every field that changes is guarded by
 * that lock; {@link #outcome} is also volatile so late messages are turned away without
 * taking it.
 */
final class Expectation implements Interest {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Handle.class);

		private Log() {
		}

	}

	static final int FAILURE_LIMIT = 20;

	/** How long an {@code expectNone} watches after the trigger unless told otherwise. */
	static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

	final Scope scope;

	final Binding binding;

	final String topic;

	final MessageMatcher matcher;

	final @Nullable Class<?> type;

	final boolean negative;

	final String matcherDescription;

	final @Nullable Object expectedShape;

	final Handle handle;

	volatile Outcome outcome = Outcome.PENDING;

	long registeredAt = System.nanoTime();

	long unidentifiedBefore;

	long unidentifiedDuring;

	long latencyNanos = -1;

	long sinceRegisteredNanos = -1;

	@Nullable Duration waited;

	@Nullable String outage;

	@Nullable Object message;

	String reason = "";

	int attempts;

	int attemptsWithoutId;

	@Nullable String lastMismatchReason;

	@Nullable Object lastMismatchPayload;

	final List<MatchFailure> failures = new ArrayList<>(0);

	int failuresDropped;

	long budgetNanos = -1;

	int required = 1;

	int matchCount;

	volatile long windowNanos = DEFAULT_WINDOW.toNanos();

	Expectation(Scope scope, Binding binding, String topic, MessageMatcher matcher, @Nullable Class<?> type,
			boolean negative) {
		this.scope = scope;
		this.binding = binding;
		this.topic = topic;
		this.matcher = matcher;
		this.type = type;
		this.negative = negative;
		this.matcherDescription = safeDescription(matcher);
		this.expectedShape = safeShape(matcher);
		this.handle = new Handle(this);
	}

	static String safeDescription(MessageMatcher matcher) {
		try {
			return String.valueOf(matcher.description());
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			return matcher.getClass().getSimpleName();
		}
	}

	private static @Nullable Object safeShape(MessageMatcher matcher) {
		try {
			return matcher.expectedShape();
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.debug("expectedShape() of {} raised {}", matcher.getClass().getName(), ex.toString());
			return null;
		}
	}

	@Override
	public Binding binding() {
		return this.binding;
	}

	@Override
	public String topic() {
		return this.topic;
	}

	/**
	 * The subscription is live. Called with the scope's lock held.
	 */
	void live(long now, long unidentified) {
		this.registeredAt = now;
		this.unidentifiedBefore = unidentified;
	}

	@Override
	public void offer(Inbound inbound) {
		if (this.outcome != Outcome.PENDING) {
			return;
		}
		long arrived = System.nanoTime();
		if (this.negative && this.scope.afterWindow(this, arrived)) {
			return;
		}
		Evaluation evaluation = evaluate(inbound);
		this.scope.lock.lock();
		try {
			if (this.outcome != Outcome.PENDING) {
				return;
			}
			this.scope.record(this.binding, inbound.topic(), TimelineAction.RECEIVED, "expect");
			if (evaluation.result.matched()) {
				matched(evaluation);
			}
			else {
				mismatched(evaluation, inbound);
			}
		}
		finally {
			this.scope.lock.unlock();
		}
	}

	/**
	 * Run the user's code on a message: typed decoding, then the matcher. Runs without
	 * any lock; whatever it throws becomes a near-miss.
	 */
	private Evaluation evaluate(Inbound inbound) {
		ReceivedMessage view = inbound.view();
		if (this.type != null) {
			try {
				Object typed = this.binding.harness().codec().decode(inbound.message().payload(), this.type);
				view = new ReceivedMessage(view.topic(), typed, view.raw(), view.headers(), view.key());
			}
			catch (Throwable ex) {
				UserCode.rethrowIfFatal(ex);
				String reason = (ex instanceof IllegalArgumentException) ? String.valueOf(ex.getMessage())
						: "payload could not be decoded as " + this.type.getSimpleName() + " ("
								+ ex.getClass().getName() + ")";
				return new Evaluation(view, MatchResult.fail(reason, MatchFailure.of(MatchFailure.Kind.TYPE_MISMATCH,
						MatchFailure.ROOT, this.type.getSimpleName(), Repr.typeName(inbound.decoded()))));
			}
		}
		try {
			MatchResult result = this.matcher.matchMessage(view);
			return new Evaluation(view, notJson(inbound, (result != null) ? result : nullResult()));
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			String reason = "matcher raised " + ex.getClass().getName();
			return new Evaluation(view, MatchResult.fail(reason,
					MatchFailure.of(MatchFailure.Kind.PREDICATE, MatchFailure.ROOT, this.matcherDescription, null)));
		}
	}

	/**
	 * Say so when a JSON harness could not decode the payload, so a mismatch on raw bytes
	 * is not mistaken for a wrong field.
	 */
	private MatchResult notJson(Inbound inbound, MatchResult result) {
		if (result.matched() || this.type != null || !(inbound.decoded() instanceof byte[] raw)
				|| !(this.binding.harness().codec() instanceof JsonCodec)) {
			return result;
		}
		return new MatchResult(false, "payload is not JSON (" + raw.length + " bytes): " + result.reason(),
				result.failure());
	}

	private MatchResult nullResult() {
		return MatchResult.fail("matcher returned no result",
				MatchFailure.of(MatchFailure.Kind.PREDICATE, MatchFailure.ROOT, this.matcherDescription, null));
	}

	private void matched(Evaluation evaluation) {
		String reason = evaluation.result.reason();
		long now = System.nanoTime();
		if (this.negative) {
			this.message = evaluation.view.payload();
			measure(now);
			this.scope.record(this.binding, evaluation.view.topic(), TimelineAction.MATCHED, "unexpected: " + reason);
			resolve(Outcome.FAIL, "a message matched on topic '" + this.topic + "' but none was expected: " + reason);
			return;
		}
		this.matchCount++;
		if (this.matchCount < this.required) {
			this.scope.record(this.binding, evaluation.view.topic(), TimelineAction.MATCHED,
					reason + " (match " + this.matchCount + " of " + this.required + ")");
			return;
		}
		measure(now);
		long latency = this.latencyNanos;
		this.message = evaluation.view.payload();
		if (this.budgetNanos >= 0 && latency > this.budgetNanos) {
			this.scope.record(this.binding, evaluation.view.topic(), TimelineAction.MATCHED,
					reason + " [SLOW " + Texts.nanos(latency) + ">" + Texts.nanos(this.budgetNanos) + "]");
			resolve(Outcome.SLOW, "matched in " + Texts.nanos(latency) + ", budget " + Texts.nanos(this.budgetNanos)
					+ " (exceeded by " + Texts.nanos(latency - this.budgetNanos) + "); matcher: " + reason);
			return;
		}
		this.scope.record(this.binding, evaluation.view.topic(), TimelineAction.MATCHED, reason);
		resolve(Outcome.PASS, reason);
	}

	private void measure(long now) {
		this.latencyNanos = Math.max(0, now - this.scope.anchor(this.registeredAt, now));
		this.sinceRegisteredNanos = Math.max(0, now - this.registeredAt);
	}

	private void mismatched(Evaluation evaluation, Inbound inbound) {
		MatchResult result = evaluation.result;
		this.attempts++;
		if (inbound.correlationId() == null && this.binding.wireId() != null) {
			this.attemptsWithoutId++;
		}
		this.lastMismatchReason = result.reason();
		this.lastMismatchPayload = evaluation.view.payload();
		MatchFailure failure = result.failure();
		if (failure != null) {
			if (this.failures.size() < FAILURE_LIMIT) {
				this.failures.add(failure);
			}
			else {
				this.failuresDropped++;
			}
		}
		this.scope.record(this.binding, evaluation.view.topic(), TimelineAction.MISMATCHED, result.reason());
	}

	private void resolve(Outcome outcome, String reason) {
		this.reason = reason;
		this.outcome = outcome;
		this.scope.resolved(this);
	}

	/**
	 * The window of a negative expectation ended with nothing matching. Called with the
	 * scope's lock held.
	 */
	void windowEnded(long now) {
		measure(now);
		this.scope.record(this.binding, this.topic, TimelineAction.DEADLINE, "nothing unexpected");
		resolve(Outcome.PASS, "nothing matching arrived on topic '" + this.topic + "' within "
				+ Texts.duration(Duration.ofNanos(this.windowNanos)) + " of the trigger");
	}

	/**
	 * Resolve a pending expectation at the deadline. Called with the scope's lock held.
	 */
	void expire(long wakeNanos, Duration timeout) {
		measure(wakeNanos);
		this.waited = timeout;
		String within = " within " + Texts.duration(timeout);
		if (this.negative) {
			this.scope.record(this.binding, this.topic, TimelineAction.DEADLINE, "nothing unexpected");
			resolve(Outcome.PASS,
					"nothing matching arrived on topic '" + this.topic + "'" + within
							+ " (the deadline came before its " + Texts.duration(Duration.ofNanos(this.windowNanos))
							+ " window ended)");
			return;
		}
		if (this.matchCount > 0) {
			this.scope.record(this.binding, this.topic, TimelineAction.DEADLINE,
					this.matchCount + " of " + this.required + " matches");
			resolve(Outcome.FAIL, "only " + this.matchCount + " of " + this.required
					+ " matching messages arrived on topic '" + this.topic + "'" + within);
			return;
		}
		if (this.attempts > 0) {
			this.scope.record(this.binding, this.topic, TimelineAction.DEADLINE,
					Texts.plural(this.attempts, "near-miss", "near-misses"));
			resolve(Outcome.FAIL, FailureMessages.nearMiss(this));
			return;
		}
		this.unidentifiedDuring = this.binding.harness().dispatcher().unidentifiedCount(this.topic)
				- this.unidentifiedBefore;
		this.outage = FailureMessages.outage(this.binding);
		this.scope.record(this.binding, this.topic, TimelineAction.DEADLINE, "no message");
		resolve(Outcome.TIMEOUT, FailureMessages.silentTimeout(this, timeout));
	}

	/**
	 * Resolve a pending expectation because its scope ended without a completed awaitAll.
	 * Called with the scope's lock held.
	 */
	void abort(String reason) {
		this.latencyNanos = 0;
		this.sinceRegisteredNanos = 0;
		resolve(Outcome.ABORTED, reason);
	}

	private record Evaluation(ReceivedMessage view, MatchResult result) {
	}

}

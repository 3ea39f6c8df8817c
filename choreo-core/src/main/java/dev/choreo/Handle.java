package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.choreo.match.MatchFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One expectation of a scenario, returned by {@link Scenario#expect}. Declare its latency
 * budget or count before publishing; read its outcome and diagnostics after
 * {@link Scenario#awaitAll(Duration)}. <pre class="code">
 * Handle settled = scenario.expect("orders.settled", fieldEquals("status", "SETTLED"))
 *     .within(Duration.ofMillis(50));
 * Handle notCancelled = scenario.expectNone("orders.cancelled", fieldEquals("orderId", id))
 *     .during(Duration.ofMillis(500));
 * </pre> Latency is the hop's: from the scenario's trigger (its first {@code publish} or
 * {@code trigger}) to the match, so the time spent setting up other expectations is never
 * charged to a budget. A handle stays readable after its scenario is closed. Its
 * {@code toString} never shows a payload.
 *
 * @since 0.1.0
 */
public final class Handle {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Handle.class);

		private Log() {
		}

	}

	private final Expectation state;

	Handle(Expectation state) {
		this.state = state;
	}

	/**
	 * Declare a latency budget: a match later than {@code budget} after the scenario's
	 * trigger (its first {@code publish} or {@code trigger}) is {@link Outcome#SLOW}, not
	 * {@link Outcome#PASS}. Calling it again replaces the budget (and logs a warning).
	 * @param budget the budget, positive
	 * @return this handle
	 * @throws IllegalArgumentException if the budget is zero or negative
	 * @throws IllegalScenarioStateException if the handle has already resolved or expects
	 * no message
	 */
	public Handle within(Duration budget) {
		Objects.requireNonNull(budget, "budget");
		if (budget.isZero() || budget.isNegative()) {
			throw new IllegalArgumentException("A latency budget must be positive, got " + budget);
		}
		this.state.scope.lock.lock();
		try {
			checkPending("within()");
			if (this.state.negative) {
				throw new IllegalScenarioStateException("expectNone() on topic '" + this.state.topic
						+ "' has no latency budget; remove within(), or use during(...) to set how long it watches");
			}
			if (this.state.budgetNanos >= 0) {
				Log.logger.warn("within({}) replaces the budget {} already set on the handle for topic '{}'",
						Texts.duration(budget), Texts.duration(Duration.ofNanos(this.state.budgetNanos)),
						this.state.topic);
			}
			this.state.budgetNanos = budget.toNanos();
		}
		finally {
			this.state.scope.lock.unlock();
		}
		return this;
	}

	/**
	 * Require {@code count} matching messages instead of one. The handle passes when the
	 * last of them arrives; its latency is that of the last one.
	 * @param count the number of matching messages, at least 1
	 * @return this handle
	 * @throws IllegalArgumentException if count is less than 1
	 * @throws IllegalScenarioStateException if the handle has already resolved or expects
	 * no message
	 */
	public Handle times(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("times() needs a count of at least 1, got " + count);
		}
		this.state.scope.lock.lock();
		try {
			checkPending("times()");
			if (this.state.negative) {
				throw new IllegalScenarioStateException(
						"expectNone() on topic '" + this.state.topic + "' expects no message, so it takes no count");
			}
			this.state.required = count;
		}
		finally {
			this.state.scope.lock.unlock();
		}
		return this;
	}

	/**
	 * Set how long an {@code expectNone} watches for a matching message, counted from the
	 * scenario's trigger (default 1 second). {@code awaitAll} returns once every positive
	 * expectation has resolved and every window has ended, so a scenario with an
	 * {@code expectNone} no longer waits its whole timeout; a matching message that
	 * arrives after the window does not count. The deadline of {@code awaitAll} still
	 * ends a longer window.
	 * @param window how long to watch, positive
	 * @return this handle
	 * @throws IllegalArgumentException if the window is zero or negative
	 * @throws IllegalScenarioStateException if the handle has already resolved or is a
	 * positive expectation
	 */
	public Handle during(Duration window) {
		Objects.requireNonNull(window, "window");
		if (window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("An expectNone() window must be positive, got " + window);
		}
		this.state.scope.lock.lock();
		try {
			checkPending("during()");
			if (!this.state.negative) {
				throw new IllegalScenarioStateException("during() sets how long expectNone() watches; the expect() on"
						+ " topic '" + this.state.topic + "' waits for its message, so use within(...) for a budget");
			}
			this.state.windowNanos = window.toNanos();
		}
		finally {
			this.state.scope.lock.unlock();
		}
		return this;
	}

	/**
	 * Return how long an {@code expectNone} watches after the trigger.
	 * @return the window, empty for a positive expectation
	 */
	public Optional<Duration> window() {
		return this.state.negative ? Optional.of(Duration.ofNanos(this.state.windowNanos)) : Optional.empty();
	}

	private void checkPending(String method) {
		if (this.state.outcome != Outcome.PENDING) {
			throw new IllegalScenarioStateException(method + " was called on the handle for topic '" + this.state.topic
					+ "' after it resolved (outcome=" + this.state.outcome.value() + "); declare it before publish()");
		}
	}

	/**
	 * Return the topic this handle expects messages on.
	 * @return the topic
	 */
	public String topic() {
		return this.state.topic;
	}

	/**
	 * Return the name of the harness this handle listens on.
	 * @return the harness name
	 */
	public String harness() {
		return this.state.binding.harnessName();
	}

	/**
	 * Return the outcome, {@link Outcome#PENDING} until resolved.
	 * @return the outcome
	 */
	public Outcome outcome() {
		return this.state.outcome;
	}

	/**
	 * Return whether the outcome is {@link Outcome#PASS}.
	 * @return whether the expectation was fulfilled
	 */
	public boolean wasFulfilled() {
		return this.state.outcome == Outcome.PASS;
	}

	/**
	 * Return the decoded payload of the matching message ({@link Outcome#PASS} or
	 * {@link Outcome#SLOW}); {@code null} for other outcomes. For {@code expectNone} that
	 * failed, the unexpected message.
	 * @return the payload
	 * @throws IllegalScenarioStateException while the handle is pending
	 */
	public @Nullable Object message() {
		requireResolved("message()");
		return locked(() -> this.state.message);
	}

	/**
	 * Return the payload of the matching message as a given type.
	 * @param <T> the type
	 * @param type the type: the payload's own class, or {@code Map} for a JSON object
	 * @return the payload
	 * @throws IllegalScenarioStateException while the handle is pending
	 * @throws ClassCastException if the payload is not a {@code type}
	 */
	public <T> @Nullable T message(Class<T> type) {
		return type.cast(message());
	}

	/**
	 * Return the hop's latency: from the scenario's trigger (its first {@code publish} or
	 * {@code trigger}) to the match; for a message matched before any trigger, from the
	 * moment the expectation went live. For an expectation that did not match, how long
	 * it waited after the trigger. Budgets ({@link #within(Duration)}), reports and
	 * metrics use this. For an {@code expectNone} it is not a latency: how long after the
	 * trigger the unexpected message came, or how long it watched.
	 * @return the latency
	 * @throws IllegalScenarioStateException while the handle is pending
	 */
	public Duration latency() {
		requireResolved("latency()");
		return Duration.ofNanos(locked(() -> this.state.latencyNanos));
	}

	/**
	 * Return the time from the moment the expectation went live (its subscription
	 * confirmed) to its resolution: the latency plus the set-up between the expectation
	 * and the trigger.
	 * @return the time since registration
	 * @throws IllegalScenarioStateException while the handle is pending
	 */
	public Duration sinceRegistered() {
		requireResolved("sinceRegistered()");
		return Duration.ofNanos(locked(() -> this.state.sinceRegisteredNanos));
	}

	/**
	 * Return the latency in milliseconds.
	 * @return the latency
	 * @throws IllegalScenarioStateException while the handle is pending
	 */
	public double latencyMillis() {
		return latency().toNanos() / 1_000_000.0;
	}

	private void requireResolved(String method) {
		if (this.state.outcome == Outcome.PENDING) {
			throw new IllegalScenarioStateException("The handle for topic '" + this.state.topic
					+ "' is still PENDING; read " + method + " after awaitAll() returns");
		}
	}

	/**
	 * Return why the handle resolved as it did: the matcher's reason, the budget overrun,
	 * or the deadline diagnosis. Empty while pending.
	 * @return the reason
	 */
	public String reason() {
		return locked(() -> this.state.reason);
	}

	/**
	 * Return how many messages reached the matcher and failed it (near-misses): those
	 * carrying the scenario's correlation id, and, on a harness that broadcasts them,
	 * those carrying none.
	 * @return the number of near-misses
	 */
	public int attempts() {
		return locked(() -> this.state.attempts);
	}

	/**
	 * Return the reason of the latest near-miss.
	 * @return the reason, or {@code null} when there was none
	 */
	public @Nullable String lastMismatchReason() {
		return locked(() -> this.state.lastMismatchReason);
	}

	/**
	 * Return the decoded payload of the latest near-miss.
	 * @return the payload, or {@code null} when there was none
	 */
	public @Nullable Object lastMismatchPayload() {
		return locked(() -> this.state.lastMismatchPayload);
	}

	/**
	 * Return the structured failures of the first near-misses, oldest first, at most 20.
	 * @return the failures
	 */
	public List<MatchFailure> failures() {
		return locked(() -> List.copyOf(this.state.failures));
	}

	/**
	 * Return how many near-miss failures were not kept because 20 already were.
	 * @return the number dropped
	 */
	public int failuresDropped() {
		return locked(() -> this.state.failuresDropped);
	}

	/**
	 * Return the matcher's description.
	 * @return the description
	 */
	public String matcherDescription() {
		return this.state.matcherDescription;
	}

	/**
	 * Return the shape the matcher expects, for expected-versus-actual views.
	 * @return the shape, or {@code null} when the matcher has none
	 */
	public @Nullable Object expectedShape() {
		return this.state.expectedShape;
	}

	/**
	 * Return the latency budget.
	 * @return the budget, empty when none was declared
	 */
	public Optional<Duration> budget() {
		long budget = locked(() -> this.state.budgetNanos);
		return (budget >= 0) ? Optional.of(Duration.ofNanos(budget)) : Optional.empty();
	}

	/**
	 * Return how many matching messages this handle needs (1 unless {@link #times(int)}
	 * was called).
	 * @return the count
	 */
	public int expectedCount() {
		return locked(() -> this.state.required);
	}

	/**
	 * Return how many matching messages arrived before the handle resolved.
	 * @return the count
	 */
	public int matchCount() {
		return locked(
				() -> this.state.matchCount + (this.state.negative && this.state.outcome == Outcome.FAIL ? 1 : 0));
	}

	/**
	 * Return whether this handle expects that no matching message arrives
	 * ({@link Scenario#expectNone}).
	 * @return whether the expectation is negative
	 */
	public boolean isNegative() {
		return this.state.negative;
	}

	/**
	 * Return the wire correlation id this expectation listens for.
	 * @return the id, or {@code null} when the harness does not correlate
	 */
	public @Nullable String correlationId() {
		return this.state.binding.wireId();
	}

	Expectation state() {
		return this.state;
	}

	private <T> T locked(java.util.function.Supplier<T> read) {
		this.state.scope.lock.lock();
		try {
			return read.get();
		}
		finally {
			this.state.scope.lock.unlock();
		}
	}

	@Override
	public String toString() {
		return "Handle[topic=" + this.state.topic + ", outcome=" + this.state.outcome.value() + ", matcher="
				+ this.state.matcherDescription + "]";
	}

}

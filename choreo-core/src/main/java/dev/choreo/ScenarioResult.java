package dev.choreo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * What a scenario found: every handle's outcome and diagnostics, the replies, the
 * problems the transports reported, and the timeline of what happened. <pre class="code">
 * ScenarioResult result = scenario.publish("orders.created", order).awaitAll(Duration.ofSeconds(2));
 * result.assertPassed();   // names the broken hop: nothing arrived, or what arrived and why it missed
 * </pre>
 *
 * @since 0.1.0
 */
public final class ScenarioResult {

	private final long scenarioId;

	private final String name;

	private final @Nullable String correlationId;

	private final Instant startedAt;

	private final double durationMillis;

	private final List<Handle> handles;

	private final boolean passed;

	private final Timeline.Snapshot timeline;

	private final int timelineDropped;

	private final List<ReplyReport> replies;

	private final List<String> problems;

	private final boolean completedNormally;

	private final List<String> harnesses;

	ScenarioResult(long scenarioId, String name, @Nullable String correlationId, Instant startedAt,
			double durationMillis, List<Handle> handles, boolean passed, Timeline.Snapshot timeline,
			int timelineDropped, List<ReplyReport> replies, List<String> problems, boolean completedNormally,
			List<String> harnesses) {
		this.scenarioId = scenarioId;
		this.name = name;
		this.correlationId = correlationId;
		this.startedAt = startedAt;
		this.durationMillis = durationMillis;
		this.handles = List.copyOf(handles);
		this.passed = passed;
		this.timeline = timeline;
		this.timelineDropped = timelineDropped;
		this.replies = List.copyOf(replies);
		this.problems = problems;
		this.completedNormally = completedNormally;
		this.harnesses = harnesses;
	}

	/**
	 * Return the id of the scenario, the same as in {@link ScenarioStarted#scenarioId()}.
	 * @return the id
	 */
	public long scenarioId() {
		return this.scenarioId;
	}

	/**
	 * Return the scenario name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the scenario's correlation id.
	 * @return the id, or {@code null} when no harness correlates
	 */
	public @Nullable String correlationId() {
		return this.correlationId;
	}

	/**
	 * Return when the scenario was opened.
	 * @return the wall-clock start
	 */
	public Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * Return how long the scenario had run when this result was taken, in milliseconds.
	 * @return the duration
	 */
	public double durationMillis() {
		return this.durationMillis;
	}

	/**
	 * Return the names of the harnesses the scenario used.
	 * @return the harness names
	 */
	public List<String> harnesses() {
		return this.harnesses;
	}

	/**
	 * Return every handle, in the order the expectations were declared.
	 * @return the handles
	 */
	public List<Handle> handles() {
		return this.handles;
	}

	/**
	 * Return whether the scenario passed: every handle passed (and, unless the harness
	 * was told otherwise, none was SLOW), and nothing in {@link #problems()} went wrong.
	 * A failed publish, a lost connection, a failed reply or a reply that had to fire and
	 * never did each fail the scenario, so a green result always means the flow was
	 * tested.
	 * @return whether the scenario passed
	 */
	public boolean passed() {
		return this.passed;
	}

	/**
	 * Return the outcome that labels the scenario: the worst outcome of any handle, FAIL
	 * first, then ABORTED, TIMEOUT, SLOW and PENDING; PASS when every handle passed or
	 * there are none. A scenario that failed for a {@linkplain #problems() problem} is at
	 * least FAIL.
	 * @return the outcome
	 */
	public Outcome outcome() {
		Outcome worst = Outcome.PASS;
		for (Handle handle : this.handles) {
			if (handle.outcome().severity() > worst.severity()) {
				worst = handle.outcome();
			}
		}
		if (!this.problems.isEmpty() && worst.severity() < Outcome.FAIL.severity()) {
			return Outcome.FAIL;
		}
		return worst;
	}

	/**
	 * Return the handles that did not pass, in order.
	 * @return the failing handles
	 */
	public List<Handle> failingHandles() {
		List<Handle> failing = new ArrayList<>();
		for (Handle handle : this.handles) {
			if (handle.outcome() != Outcome.PASS) {
				failing.add(handle);
			}
		}
		return failing;
	}

	/**
	 * Return the timeline: kept when the scenario failed, had replies or met transport
	 * problems, otherwise empty.
	 * @return the timeline entries, oldest first, at most 256
	 */
	public List<TimelineEntry> timeline() {
		return this.timeline.entries();
	}

	/**
	 * Return how many of the oldest timeline entries were dropped to keep 256.
	 * @return the number dropped
	 */
	public int timelineDropped() {
		return this.timelineDropped;
	}

	/**
	 * Return the reports of the scenario's replies, in registration order.
	 * @return the reply reports
	 */
	public List<ReplyReport> replies() {
		return this.replies;
	}

	/**
	 * Return the first reply whose trigger topic is {@code triggerTopic}.
	 * @param triggerTopic the trigger topic
	 * @return the reply report
	 * @throws NoSuchElementException when there is none
	 */
	public ReplyReport replyAt(String triggerTopic) {
		for (ReplyReport reply : this.replies) {
			if (reply.triggerTopic().equals(triggerTopic)) {
				return reply;
			}
		}
		throw new NoSuchElementException("No reply was registered for trigger topic '" + triggerTopic + "'; replies: "
				+ this.replies.stream().map(ReplyReport::triggerTopic).toList());
	}

	/**
	 * Return what went wrong outside the matchers, each of which fails the scenario: a
	 * failed publish (with the transport's reason), a lost connection, a reply that
	 * failed, and a reply that had to fire and never did.
	 * @return the problems, empty when none
	 */
	public List<String> problems() {
		return this.problems;
	}

	/**
	 * Return whether {@code awaitAll} completed; {@code false} for the partial result of
	 * a scenario closed early.
	 * @return whether the scenario completed normally
	 */
	public boolean completedNormally() {
		return this.completedNormally;
	}

	/**
	 * Do nothing when the scenario passed; otherwise throw an {@link AssertionError}
	 * whose message is the {@link #failureSummary() failure summary}.
	 * @throws AssertionError if the scenario did not pass
	 */
	public void assertPassed() {
		if (!this.passed) {
			throw FailureMessages.assertionError(this);
		}
	}

	/**
	 * Return a multi-line account of the problems, every handle (outcome, matcher,
	 * diagnosis, latency or time waited), the replies and the last 20 timeline entries.
	 * @return the summary
	 */
	public String failureSummary() {
		return FailureMessages.failureSummary(this);
	}

	/**
	 * Return a short account for logs: one line per handle and per reply.
	 * @return the summary
	 */
	public String summary() {
		return FailureMessages.summary(this);
	}

	@Override
	public String toString() {
		return failureSummary();
	}

}

package dev.choreo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.choreo.internal.Redaction;
import dev.choreo.internal.Repr;
import org.jspecify.annotations.Nullable;

/**
 * Words every failure a scenario can report. Each kind of failure has its wording here
 * and nowhere else.
 */
final class FailureMessages {

	static final int TIMELINE_LINES = 20;

	private static final boolean OPENTEST4J_PRESENT = isPresent("org.opentest4j.AssertionFailedError");

	private FailureMessages() {
	}

	static AssertionError assertionError(ScenarioResult result) {
		String message = failureSummary(result);
		List<Handle> failing = result.failingHandles();
		if (OPENTEST4J_PRESENT && failing.size() == 1) {
			Handle handle = failing.get(0);
			Object expected = handle.expectedShape();
			Object actual = handle.lastMismatchPayload();
			if (handle.outcome() == Outcome.FAIL && !handle.isNegative() && expected != null && actual != null) {
				return new org.opentest4j.AssertionFailedError(message, Repr.pretty(Redaction.redact(expected, null)),
						Repr.pretty(Redaction.redact(actual, null)));
			}
		}
		return new AssertionError(message);
	}

	static String failureSummary(ScenarioResult result) {
		StringBuilder text = new StringBuilder();
		List<Handle> handles = result.handles();
		int failing = result.failingHandles().size();
		if (result.passed()) {
			text.append("Scenario '")
				.append(result.name())
				.append("' passed: ")
				.append(Texts.plural(handles.size(), "expectation", "expectations"))
				.append(failing > 0 ? " (" + failing + " SLOW within tolerance)" : "");
		}
		else {
			text.append("Scenario '").append(result.name()).append("' failed: ").append(causes(result, failing));
		}
		text.append("\ncorrelation: ").append(result.correlationId());
		boolean multiHarness = result.harnesses().size() > 1;
		appendProblems(text, result.problems());
		for (Handle handle : handles) {
			appendHandle(text, handle, multiHarness);
		}
		appendReplies(text, result.replies(), multiHarness);
		appendTimeline(text, result.timeline(), result.timelineDropped(), multiHarness);
		return text.toString().stripTrailing();
	}

	/**
	 * Say first why a scenario failed: its problems, then its expectations.
	 */
	private static String causes(ScenarioResult result, int failing) {
		List<String> causes = new ArrayList<>(2);
		if (!result.problems().isEmpty()) {
			causes.add(Texts.plural(result.problems().size(), "problem", "problems") + " (below)");
		}
		if (failing > 0) {
			causes.add(failing + " of " + Texts.plural(result.handles().size(), "expectation", "expectations")
					+ " did not pass");
		}
		return String.join("; ", causes);
	}

	private static void appendHandle(StringBuilder text, Handle handle, boolean multiHarness) {
		Outcome outcome = handle.outcome();
		text.append("\n\n  [").append(outcome.name()).append("] ").append(handle.topic());
		if (multiHarness) {
			text.append(" on ").append(handle.harness());
		}
		text.append("\n      matcher : ").append(handle.matcherDescription());
		text.append("\n      why     : ").append(diagnosis(handle));
		Object shown = (outcome != Outcome.FAIL) ? null
				: handle.isNegative() ? handle.message() : handle.lastMismatchPayload();
		if (shown != null) {
			text.append("\n      payload : ").append(render(shown));
		}
		text.append("\n      ").append(timing(handle));
	}

	static String diagnosis(Handle handle) {
		String reason = handle.reason();
		return switch (handle.outcome()) {
			case PASS -> handle.isNegative() ? reason : "matched: " + reason;
			case SLOW -> "matched in " + Texts.millis(handle.latencyMillis()) + ", budget "
					+ Texts.millis(handle.budget().map((b) -> b.toNanos() / 1_000_000.0).orElse(0.0)) + " (exceeded by "
					+ Texts.millis(
							handle.latencyMillis() - handle.budget().map((b) -> b.toNanos() / 1_000_000.0).orElse(0.0))
					+ ")";
			case TIMEOUT, FAIL, ABORTED -> reason;
			case PENDING -> "unresolved (outcome=" + handle.outcome().value() + ")";
		};
	}

	/**
	 * The handle's last line: the latency of a match, the deadline an expectation waited
	 * for, or what an {@code expectNone} watched.
	 */
	private static String timing(Handle handle) {
		Outcome outcome = handle.outcome();
		Expectation state = handle.state();
		if (outcome == Outcome.PENDING || outcome == Outcome.ABORTED) {
			return "latency : -";
		}
		if (handle.isNegative()) {
			return (outcome == Outcome.FAIL)
					? "arrived : " + Texts.millis(handle.latencyMillis()) + " after the trigger"
					: "watched : " + Texts.millis(handle.latencyMillis());
		}
		if ((outcome == Outcome.FAIL || outcome == Outcome.TIMEOUT) && state.waited != null) {
			return "waited  : " + Texts.duration(state.waited);
		}
		return "latency : " + Texts.millis(handle.latencyMillis());
	}

	/**
	 * Word the reason of a near-miss FAIL: how many messages reached the matcher, and
	 * whether they carried the scenario's correlation id. Called with the scope's lock
	 * held.
	 */
	static String nearMiss(Expectation expectation) {
		int attempts = expectation.attempts;
		int withoutId = expectation.attemptsWithoutId;
		String messages = Texts.plural(attempts, "message", "messages");
		String origin;
		if (expectation.binding.wireId() == null) {
			origin = messages + " arrived";
		}
		else if (withoutId == 0) {
			origin = messages + " carrying this scenario's correlation id arrived";
		}
		else if (withoutId == attempts) {
			origin = messages + " without a correlation id arrived (broadcast)";
		}
		else {
			origin = messages + " arrived (" + withoutId + " without a correlation id, broadcast)";
		}
		return origin + " but failed the matcher; latest mismatch: " + expectation.lastMismatchReason;
	}

	/**
	 * Word the reason of a TIMEOUT: an outage first, then what arrived without an id,
	 * then the routing hint. Called with the scope's lock held.
	 */
	static String silentTimeout(Expectation expectation, Duration timeout) {
		StringBuilder text = new StringBuilder();
		if (expectation.outage != null) {
			text.append(expectation.outage).append("; ");
		}
		text.append("no matching message arrived on topic '")
			.append(expectation.topic)
			.append("' within ")
			.append(Texts.duration(timeout));
		long unidentified = expectation.unidentifiedDuring;
		if (unidentified > 0) {
			text.append("; ")
				.append(Texts.plural((int) Math.min(Integer.MAX_VALUE, unidentified), "message", "messages"))
				.append(" without a correlation id arrived on '")
				.append(expectation.topic)
				.append("' and ")
				.append((unidentified == 1) ? "was" : "were")
				.append(" ignored: the service may drop the id (")
				.append(expectation.binding.harness().correlation().idLocation())
				.append(")");
		}
		else if (expectation.binding.wireId() != null) {
			text.append("; nothing on this scenario's correlation reached it, so check the topic name, the routing,"
					+ " and that the service carries the correlation id");
		}
		else {
			text.append("; nothing reached it, so check the topic name and the routing");
		}
		return text.toString();
	}

	/**
	 * Word an outage of a scope's harness, or return {@code null} when there was none.
	 */
	static @Nullable String outage(Binding binding) {
		double down = binding.downAtMillis();
		if (down < 0) {
			return null;
		}
		double up = binding.upAtMillis();
		String lost = "harness '" + binding.harnessName() + "' lost its connection at " + Texts.millis(down);
		return (up < 0) ? lost + "; nothing can arrive while it is down"
				: lost + " and was back at " + Texts.millis(up) + "; messages sent meanwhile may be lost";
	}

	static String render(@Nullable Object payload) {
		return Repr.repr(Redaction.redact(payload, null));
	}

	private static void appendProblems(StringBuilder text, List<String> problems) {
		if (problems.isEmpty()) {
			return;
		}
		text.append("\n\nProblems:");
		for (String problem : problems) {
			text.append("\n  ").append(problem);
		}
	}

	private static void appendReplies(StringBuilder text, List<ReplyReport> replies, boolean multiHarness) {
		if (replies.isEmpty()) {
			return;
		}
		text.append("\n\nReplies:");
		for (ReplyReport reply : replies) {
			text.append("\n  ").append(replyLine(reply, multiHarness));
		}
	}

	private static String replyLine(ReplyReport reply, boolean multiHarness) {
		String trigger = multiHarness ? reply.triggerTopic() + " on " + reply.triggerHarness() : reply.triggerTopic();
		String target = multiHarness ? reply.replyTopic() + " on " + reply.replyHarness() : reply.replyTopic();
		return trigger + " -> " + target + ": " + reply.state().value() + " (" + reply.matchCount() + " match / "
				+ reply.candidateCount() + " candidate)"
				+ ((reply.builderError() != null) ? " builder=" + reply.builderError() : "")
				+ (reply.correlationOverridden() ? " correlation_overridden" : "");
	}

	private static void appendTimeline(StringBuilder text, List<TimelineEntry> timeline, int dropped,
			boolean multiHarness) {
		if (timeline.isEmpty()) {
			return;
		}
		int shown = Math.min(TIMELINE_LINES, timeline.size());
		text.append("\n\nTimeline (last ").append(shown).append(" of ").append(timeline.size() + dropped).append("):");
		if (dropped > 0) {
			text.append("\n  ... ").append(dropped).append(" earliest entries dropped (buffer cap)");
		}
		else if (timeline.size() > TIMELINE_LINES) {
			text.append("\n  ... ").append(timeline.size() - TIMELINE_LINES).append(" earlier entries elided");
		}
		for (TimelineEntry entry : timeline.subList(timeline.size() - shown, timeline.size())) {
			text.append("\n  ").append(String.format(Locale.ROOT, "%7.1fms  ", entry.offsetMillis()));
			if (multiHarness) {
				text.append(String.format(Locale.ROOT, "%-8s ", entry.harness()));
			}
			text.append(String.format(Locale.ROOT, "%-24s %s", entry.topic(), entry.action().value()));
			if (!entry.detail().isEmpty()) {
				text.append("  (").append(entry.detail()).append(')');
			}
		}
	}

	static String summary(ScenarioResult result) {
		StringBuilder text = new StringBuilder();
		text.append("scenario=").append(result.name()).append(" passed=").append(result.passed());
		for (Handle handle : result.handles()) {
			text.append("\n  [")
				.append(handle.outcome().value())
				.append("] topic=")
				.append(handle.topic())
				.append(" matcher=")
				.append(handle.matcherDescription());
			if (handle.outcome() != Outcome.PENDING) {
				text.append(" latency=").append(Texts.millis(handle.latencyMillis()));
			}
		}
		if (!result.replies().isEmpty()) {
			text.append("\nReplies:");
			for (ReplyReport reply : result.replies()) {
				text.append("\n  ").append(replyLine(reply, false));
			}
		}
		return text.toString();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, FailureMessages.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}

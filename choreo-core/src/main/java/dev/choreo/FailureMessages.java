package dev.choreo;

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
			if (handle.outcome() == Outcome.FAIL && expected != null && actual != null) {
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
			text.append("Scenario '")
				.append(result.name())
				.append("' failed: ")
				.append(failing)
				.append(" of ")
				.append(Texts.plural(handles.size(), "expectation", "expectations"))
				.append(" did not pass");
		}
		text.append("\ncorrelation: ").append(result.correlationId());
		boolean multiHarness = result.harnesses().size() > 1;
		for (Handle handle : handles) {
			appendHandle(text, handle, multiHarness, result.correlationId() != null);
		}
		appendProblems(text, result.problems());
		appendReplies(text, result.replies(), multiHarness);
		appendTimeline(text, result.timeline(), result.timelineDropped(), multiHarness);
		return text.toString().stripTrailing();
	}

	private static void appendHandle(StringBuilder text, Handle handle, boolean multiHarness, boolean correlated) {
		text.append("\n\n  [").append(handle.outcome().name()).append("] ").append(handle.topic());
		if (multiHarness) {
			text.append(" on ").append(handle.harness());
		}
		text.append("\n      matcher : ").append(handle.matcherDescription());
		text.append("\n      why     : ").append(diagnosis(handle, correlated));
		if (handle.outcome() == Outcome.FAIL && handle.lastMismatchPayload() != null) {
			text.append("\n      payload : ").append(render(handle.lastMismatchPayload()));
		}
		text.append("\n      latency : ").append(latency(handle));
	}

	static String diagnosis(Handle handle, boolean correlated) {
		String reason = handle.reason();
		return switch (handle.outcome()) {
			case PASS -> handle.isNegative() ? reason : "matched: " + reason;
			case SLOW -> "matched in " + Texts.millis(handle.latencyMillis()) + ", budget "
					+ Texts.millis(handle.budget().map((b) -> b.toNanos() / 1_000_000.0).orElse(0.0)) + " (exceeded by "
					+ Texts.millis(
							handle.latencyMillis() - handle.budget().map((b) -> b.toNanos() / 1_000_000.0).orElse(0.0))
					+ ")";
			case TIMEOUT -> reason.startsWith("aborted") ? reason : silentTimeout(handle, correlated);
			case FAIL -> nearMiss(handle, reason);
			case PENDING -> "unresolved (outcome=" + handle.outcome().value() + ")";
		};
	}

	private static String silentTimeout(Handle handle, boolean correlated) {
		return "no matching message arrived on topic '" + handle.topic() + "' within "
				+ String.format(Locale.ROOT, "%.0fms", handle.latencyMillis())
				+ (correlated
						? "; nothing on this scenario's correlation reached it, so check the topic name, the"
								+ " routing, and that the service carries the correlation id"
						: "; nothing reached it, so check the topic name and the routing");
	}

	private static String nearMiss(Handle handle, String reason) {
		if (handle.isNegative() || handle.matchCount() > 0 || handle.attempts() == 0) {
			return reason;
		}
		return Texts.plural(handle.attempts(), "message", "messages")
				+ " matched the correlation but failed the matcher; latest mismatch: " + handle.lastMismatchReason();
	}

	private static String latency(Handle handle) {
		return (handle.outcome() == Outcome.PENDING) ? "-" : Texts.millis(handle.latencyMillis());
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

package dev.choreo.junit.report;

import java.util.List;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.ReplyReport;
import dev.choreo.ScenarioResult;
import dev.choreo.TimelineEntry;
import dev.choreo.match.MatchFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link ScenarioResult} into its test-report-v1 JSON record, with every text and
 * payload through the {@link Sanitizer} and the per-record limits applied.
 */
final class ScenarioJson {

	static final int MAX_TIMELINE = 256;

	static final int MAX_HANDLES = 100;

	static final int MAX_REPLIES = 100;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final Sanitizer sanitizer;

	ScenarioJson(Sanitizer sanitizer) {
		this.sanitizer = sanitizer;
	}

	ObjectNode scenario(ScenarioResult result) {
		learnSecrets(result);
		ObjectNode json = nodes.objectNode();
		json.put("name", this.sanitizer.text(result.name()));
		String correlationId = result.correlationId();
		if (correlationId != null) {
			json.put("correlation_id", this.sanitizer.text(correlationId));
		}
		else {
			json.putNull("correlation_id");
		}
		json.put("outcome", outcome(result));
		json.put("duration_ms", round(result.durationMillis()));
		json.put("completed_normally", result.completedNormally());
		json.set("harnesses", strings(result.harnesses()));
		json.set("handles", handles(result.handles()));
		timeline(json, result);
		json.set("replies", replies(result.replies()));
		json.set("problems", strings(result.problems()));
		json.put("summary_text", this.sanitizer.longText(summary(result)));
		return json;
	}

	/**
	 * Learn the secret values of every payload first, so the texts written after can be
	 * scrubbed of them.
	 */
	private void learnSecrets(ScenarioResult result) {
		for (Handle handle : result.handles()) {
			this.sanitizer.learnSecrets(handle.expectedShape());
			this.sanitizer.learnSecrets(handle.lastMismatchPayload());
			if (handle.outcome() != Outcome.PENDING) {
				this.sanitizer.learnSecrets(handle.message());
			}
			handle.failures().forEach(this::learnSecrets);
		}
	}

	private void learnSecrets(MatchFailure failure) {
		if (this.sanitizer.isSecretPath(failure.path())) {
			this.sanitizer.learnSecrets(java.util.Collections.singletonMap("secret", failure.expected()));
			this.sanitizer.learnSecrets(java.util.Collections.singletonMap("secret", failure.actual()));
		}
		failure.children().forEach(this::learnSecrets);
	}

	/**
	 * The scenario's own label ({@link ScenarioResult#outcome()}: fail, aborted, timeout,
	 * slow, pending, pass; a scenario that failed for a problem is at least fail);
	 * pending is reported as fail.
	 */
	static String outcome(ScenarioResult result) {
		Outcome worst = result.outcome();
		return (worst == Outcome.PENDING) ? Outcome.FAIL.value() : worst.value();
	}

	private static String summary(ScenarioResult result) {
		try {
			return result.failureSummary();
		}
		catch (RuntimeException ex) {
			return "(the summary could not be rendered: " + ex.getClass().getName() + ")";
		}
	}

	private ArrayNode strings(List<String> values) {
		ArrayNode array = nodes.arrayNode();
		values.forEach((value) -> array.add(this.sanitizer.text(value)));
		return array;
	}

	private ArrayNode handles(List<Handle> handles) {
		ArrayNode array = nodes.arrayNode();
		if (handles.size() > MAX_HANDLES) {
			this.sanitizer.markTruncated();
		}
		handles.stream().limit(MAX_HANDLES).forEach((handle) -> array.add(handle(handle)));
		return array;
	}

	ObjectNode handle(Handle handle) {
		Outcome outcome = handle.outcome();
		ObjectNode json = nodes.objectNode();
		json.put("topic", this.sanitizer.text(handle.topic()));
		json.put("harness", this.sanitizer.text(handle.harness()));
		json.put("outcome", outcome.value());
		json.put("expect_none", handle.isNegative());
		Double latency = (outcome != Outcome.PENDING && outcome != Outcome.ABORTED && !handle.isNegative())
				? round(handle.latencyMillis()) : null;
		putNumber(json, "latency_ms", latency);
		putNumber(json, "budget_ms", handle.budget().map((budget) -> round(budget.toNanos() / 1e6)).orElse(null));
		json.put("matcher_description", this.sanitizer.text(handle.matcherDescription()));
		Sanitizer.Payload expected = this.sanitizer.payload(handle.expectedShape());
		Sanitizer.Payload actual = this.sanitizer.payload(actual(handle, outcome));
		json.set("expected", expected.node());
		json.set("actual", actual.node());
		json.put("attempts", handle.attempts());
		json.put("reason", this.sanitizer.text(reason(handle, outcome)));
		List<MatchFailure> failures = handle.failures();
		boolean truncated = expected.truncated() || actual.truncated();
		if (outcome == Outcome.FAIL && !failures.isEmpty()) {
			json.set("failure", failure(failures.get(failures.size() - 1)));
		}
		else {
			json.putNull("failure");
		}
		ArrayNode all = json.putArray("failures");
		failures.forEach((failure) -> all.add(failure(failure)));
		json.put("failures_dropped", handle.failuresDropped());
		json.put("truncated", truncated);
		json.set("diagnosis",
				handle.isNegative() ? negativeDiagnosis(handle, outcome) : diagnosis(handle, outcome, latency));
		return json;
	}

	private static @Nullable Object actual(Handle handle, Outcome outcome) {
		return switch (outcome) {
			case PASS, SLOW -> handle.message();
			case FAIL -> handle.isNegative() ? handle.message() : handle.lastMismatchPayload();
			default -> null;
		};
	}

	private static String reason(Handle handle, Outcome outcome) {
		String lastMismatch = handle.lastMismatchReason();
		return (outcome == Outcome.FAIL && lastMismatch != null && !handle.isNegative()) ? lastMismatch
				: handle.reason();
	}

	private static ObjectNode diagnosis(Handle handle, Outcome outcome, @Nullable Double latency) {
		ObjectNode json = nodes.objectNode();
		double measured = (latency != null) ? latency : 0;
		switch (outcome) {
			case PASS -> json.put("kind", "matched");
			case SLOW -> {
				json.put("kind", "over_budget");
				json.put("latency_ms", measured);
				json.put("budget_ms", handle.budget().map((budget) -> round(budget.toNanos() / 1e6)).orElse(0.0));
			}
			case FAIL -> {
				json.put("kind", "near_miss");
				json.put("attempts", Math.max(1, Math.max(handle.attempts(), handle.matchCount())));
				json.put("deadline_ms", measured);
			}
			case TIMEOUT -> {
				json.put("kind", "silent_timeout");
				json.put("topic", handle.topic());
				json.put("deadline_ms", measured);
			}
			case ABORTED -> json.put("kind", "aborted");
			case PENDING -> json.put("kind", "pending");
		}
		return json;
	}

	/**
	 * An expectNone has no latency: say what it watched, or when the unexpected message
	 * came.
	 */
	private static ObjectNode negativeDiagnosis(Handle handle, Outcome outcome) {
		ObjectNode json = nodes.objectNode();
		switch (outcome) {
			case PASS -> {
				json.put("kind", "nothing_arrived");
				json.put("window_ms", round(handle.latencyMillis()));
			}
			case FAIL -> {
				json.put("kind", "unexpected_match");
				json.put("after_ms", round(handle.latencyMillis()));
			}
			case ABORTED -> json.put("kind", "aborted");
			default -> json.put("kind", "pending");
		}
		return json;
	}

	private ObjectNode failure(MatchFailure failure) {
		ObjectNode json = nodes.objectNode();
		json.put("kind", failure.kind().value());
		json.put("path", this.sanitizer.text(failure.path()));
		boolean secret = this.sanitizer.isSecretPath(failure.path());
		json.set("expected", (secret && failure.expected() != null) ? this.sanitizer.redactedField()
				: this.sanitizer.payload(failure.expected()).node());
		if (failure.actual() != null) {
			json.set("actual",
					secret ? this.sanitizer.redactedField() : this.sanitizer.payload(failure.actual()).node());
		}
		if (!failure.children().isEmpty()) {
			ArrayNode children = json.putArray("children");
			failure.children().forEach((child) -> children.add(failure(child)));
		}
		return json;
	}

	private void timeline(ObjectNode json, ScenarioResult result) {
		List<TimelineEntry> entries = result.timeline();
		int dropped = result.timelineDropped();
		if (entries.size() > MAX_TIMELINE) {
			dropped += entries.size() - MAX_TIMELINE;
			entries = entries.subList(entries.size() - MAX_TIMELINE, entries.size());
		}
		if (dropped > 0) {
			this.sanitizer.markTruncated();
		}
		ArrayNode array = json.putArray("timeline");
		for (TimelineEntry entry : entries) {
			ObjectNode item = array.addObject();
			item.put("offset_ms", round(entry.offsetMillis()));
			item.put("wall_clock", entry.wallClock().toString());
			item.put("harness", this.sanitizer.text(entry.harness()));
			item.put("topic", this.sanitizer.text(entry.topic()));
			item.put("action", entry.action().value());
			item.put("detail", this.sanitizer.text(entry.detail()));
		}
		json.put("timeline_dropped", dropped);
	}

	private ArrayNode replies(List<ReplyReport> replies) {
		ArrayNode array = nodes.arrayNode();
		if (replies.size() > MAX_REPLIES) {
			this.sanitizer.markTruncated();
		}
		for (ReplyReport reply : replies.subList(0, Math.min(MAX_REPLIES, replies.size()))) {
			ObjectNode item = array.addObject();
			item.put("trigger_harness", this.sanitizer.text(reply.triggerHarness()));
			item.put("trigger_topic", this.sanitizer.text(reply.triggerTopic()));
			item.put("reply_harness", this.sanitizer.text(reply.replyHarness()));
			item.put("reply_topic", this.sanitizer.text(reply.replyTopic()));
			item.put("state", reply.state().value());
			item.put("matcher_description", this.sanitizer.replyDescription(reply.matcherDescription()));
			item.put("candidate_count", reply.candidateCount());
			item.put("match_count", reply.matchCount());
			item.put("reply_published", reply.replyPublished());
			String builderError = reply.builderError();
			if (builderError != null) {
				item.put("builder_error", this.sanitizer.text(builderError));
			}
			else {
				item.putNull("builder_error");
			}
			item.put("correlation_overridden", reply.correlationOverridden());
		}
		return array;
	}

	private static void putNumber(ObjectNode json, String field, @Nullable Double value) {
		if (value != null) {
			json.put(field, value);
		}
		else {
			json.putNull(field);
		}
	}

	/**
	 * Milliseconds to three decimals (microseconds), so reports stay readable.
	 */
	static double round(double millis) {
		return Math.round(millis * 1000.0) / 1000.0;
	}

}

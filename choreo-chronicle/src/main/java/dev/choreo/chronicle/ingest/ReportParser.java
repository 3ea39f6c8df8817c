package dev.choreo.chronicle.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields Chronicle keeps from a schema-valid report. Fields it does not know
 * are ignored and optional ones may be missing, so newer reports of the same major
 * version ingest.
 *
 * @author Choreo
 */
final class ReportParser {

	private ReportParser() {
	}

	static ParsedReport parse(JsonNode report) {
		JsonNode run = report.path("run");
		JsonNode totals = run.path("totals");
		Instant started = instant(run, "started_at");
		Instant finished = instant(run, "finished_at");
		List<ParsedReport.Scenario> scenarios = new ArrayList<>();
		for (JsonNode test : report.path("tests")) {
			for (JsonNode scenario : test.path("scenarios")) {
				scenarios.add(scenario(test, scenario));
			}
		}
		return new ParsedReport(report.path("schema_version").asString(""), text(report, "run_key"), started, finished,
				run.path("duration_ms").asDouble(0),
				new ParsedReport.Totals(totals.path("passed").asInt(0), totals.path("failed").asInt(0),
						totals.path("errored").asInt(0), totals.path("skipped").asInt(0), totals.path("slow").asInt(0),
						totals.path("total").asInt(0)),
				text(run, "project_name"), text(run, "git_branch"), text(run, "git_sha"), text(run, "environment"),
				text(run, "hostname"), text(run, "transport"), scenarios);
	}

	private static ParsedReport.Scenario scenario(JsonNode test, JsonNode scenario) {
		List<ParsedReport.Handle> handles = new ArrayList<>();
		for (JsonNode handle : scenario.path("handles")) {
			handles.add(handle(handle));
		}
		return new ParsedReport.Scenario(text(test, "nodeid"), text(test, "outcome"),
				scenario.path("name").asString(""), text(scenario, "correlation_id"),
				scenario.path("outcome").asString("unknown"), number(scenario, "duration_ms"),
				scenario.path("completed_normally").isBoolean() ? scenario.path("completed_normally").asBoolean()
						: null,
				handles);
	}

	private static ParsedReport.Handle handle(JsonNode handle) {
		String outcome = handle.path("outcome").asString("unknown");
		String kind = text(handle.path("diagnosis"), "kind");
		boolean overBudget = "over_budget".equals(kind) || "slow".equals(outcome);
		return new ParsedReport.Handle(handle.path("topic").asString(""), text(handle, "harness"), outcome,
				number(handle, "latency_ms"), number(handle, "budget_ms"), overBudget, handle.path("attempts").asInt(0),
				kind, text(handle, "matcher_description"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.asDouble() : null;
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			throw new InvalidReportException(List.of("/run/" + field + ": is missing"));
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidReportException(List.of("/run/" + field + ": is not a date-time with an offset"));
		}
	}

}

package dev.choreo.chronicle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test reports in the test-report-v1 shape, built from the report choreo-junit wrote for
 * its sample suite ({@code reports/sample-results.json}), with the scenarios a test
 * needs.
 */
final class Reports {

	private static final ObjectNode SAMPLE = load();

	private Reports() {
	}

	static String sample() {
		return SAMPLE.toString();
	}

	static ObjectNode sampleNode() {
		return SAMPLE.deepCopy();
	}

	static Builder report() {
		return new Builder();
	}

	static Handle pass(String topic, double latencyMs) {
		return new Handle(topic, "pass", latencyMs, null);
	}

	static Handle slow(String topic, double latencyMs, double budgetMs) {
		return new Handle(topic, "slow", latencyMs, budgetMs);
	}

	static Handle timeout(String topic) {
		return new Handle(topic, "timeout", 500.0, null);
	}

	static Handle fail(String topic) {
		return new Handle(topic, "fail", 500.0, null);
	}

	private static ObjectNode load() {
		try (InputStream in = Reports.class.getResourceAsStream("/reports/sample-results.json")) {
			return (ObjectNode) Api.mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Handle(String topic, String outcome, double latencyMs, Double budgetMs) {
	}

	static final class Builder {

		private Instant startedAt = Instant.now().minusSeconds(10);

		private String branch = "main";

		private String environment = "ci";

		private String schemaVersion = "1";

		private final List<List<Handle>> scenarios = new ArrayList<>();

		Builder startedAt(Instant startedAt) {
			this.startedAt = startedAt;
			return this;
		}

		Builder branch(String branch) {
			this.branch = branch;
			return this;
		}

		Builder environment(String environment) {
			this.environment = environment;
			return this;
		}

		Builder schemaVersion(String schemaVersion) {
			this.schemaVersion = schemaVersion;
			return this;
		}

		Builder scenario(Handle... handles) {
			this.scenarios.add(List.of(handles));
			return this;
		}

		Builder scenarios(int count, Handle... handles) {
			for (int i = 0; i < count; i++) {
				scenario(handles);
			}
			return this;
		}

		ObjectNode node() {
			ObjectNode report = SAMPLE.deepCopy();
			report.put("schema_version", this.schemaVersion);
			ObjectNode run = (ObjectNode) report.get("run");
			run.put("started_at", this.startedAt.toString());
			run.put("finished_at", this.startedAt.plus(Duration.ofSeconds(2)).toString());
			run.put("duration_ms", 2000);
			run.put("git_branch", this.branch);
			run.put("environment", this.environment);
			ObjectNode testTemplate = (ObjectNode) SAMPLE.get("tests").get(0);
			ArrayNode tests = report.putArray("tests");
			ObjectNode test = testTemplate.deepCopy();
			ArrayNode scenarioArray = test.putArray("scenarios");
			int index = 0;
			for (List<Handle> handles : this.scenarios) {
				if (scenarioArray.size() == 100) {
					tests.add(test);
					test = testTemplate.deepCopy();
					test.put("nodeid", test.get("nodeid").asString() + "-" + tests.size());
					scenarioArray = test.putArray("scenarios");
				}
				scenarioArray.add(scenario(index++, handles));
			}
			tests.add(test);
			ObjectNode totals = (ObjectNode) run.get("totals");
			totals.put("passed", tests.size());
			totals.put("failed", 0);
			totals.put("errored", 0);
			totals.put("skipped", 0);
			totals.put("slow", 0);
			totals.put("total", tests.size());
			return report;
		}

		String json() {
			return node().toString();
		}

		private static ObjectNode scenario(int index, List<Handle> handles) {
			ObjectNode template = (ObjectNode) SAMPLE.get("tests").get(0).get("scenarios").get(0);
			ObjectNode scenario = template.deepCopy();
			scenario.put("name", "scenario " + index);
			scenario.put("correlation_id", "TEST-" + index);
			scenario.put("outcome", worst(handles));
			ArrayNode array = scenario.putArray("handles");
			handles.forEach((handle) -> array.add(handle(handle)));
			return scenario;
		}

		private static String worst(List<Handle> handles) {
			for (String outcome : List.of("timeout", "fail", "slow")) {
				if (handles.stream().anyMatch((handle) -> handle.outcome().equals(outcome))) {
					return outcome;
				}
			}
			return "pass";
		}

		private static ObjectNode handle(Handle handle) {
			ObjectNode template = (ObjectNode) SAMPLE.get("tests").get(0).get("scenarios").get(0).get("handles").get(0);
			ObjectNode json = template.deepCopy();
			json.put("topic", handle.topic());
			json.put("outcome", handle.outcome());
			json.put("latency_ms", handle.latencyMs());
			if (handle.budgetMs() != null) {
				json.put("budget_ms", handle.budgetMs());
			}
			else {
				json.putNull("budget_ms");
			}
			ObjectNode diagnosis = json.putObject("diagnosis");
			switch (handle.outcome()) {
				case "pass" -> diagnosis.put("kind", "matched");
				case "slow" -> diagnosis.put("kind", "over_budget")
					.put("latency_ms", handle.latencyMs())
					.put("budget_ms", handle.budgetMs());
				case "fail" -> diagnosis.put("kind", "near_miss").put("attempts", 1).put("deadline_ms", 500);
				default -> diagnosis.put("kind", "silent_timeout").put("topic", handle.topic()).put("deadline_ms", 500);
			}
			return json;
		}

	}

}

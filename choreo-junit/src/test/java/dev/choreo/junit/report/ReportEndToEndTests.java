package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportEndToEndTests {

	@TempDir
	static Path directory;

	static TestExecutionSummary summary;

	static JsonNode report;

	@BeforeAll
	static void runTheSampleSuite() throws Exception {
		summary = SampleRun.run(directory, SampleScenarios.class);
		report = ReportSchema.readValid(directory.resolve("results.json"));
	}

	@Test
	void writesTheReportFilesAndRemovesThePartials() {
		assertThat(directory.resolve(".choreo-report")).hasContent("choreo-report v1 output directory");
		assertThat(directory.resolve("index.html")).isRegularFile();
		assertThat(directory.resolve("_partial")).doesNotExist();
		assertThat(summary.getTestsStartedCount()).isEqualTo(9);
	}

	@Test
	void countsEveryOutcome() {
		JsonNode totals = report.path("run").path("totals");
		assertThat(totals.path("total").asInt()).isEqualTo(9);
		assertThat(totals.path("passed").asInt()).isEqualTo(3);
		assertThat(totals.path("failed").asInt()).isEqualTo(3);
		assertThat(totals.path("errored").asInt()).isEqualTo(1);
		assertThat(totals.path("skipped").asInt()).isEqualTo(1);
		assertThat(totals.path("slow").asInt()).isEqualTo(1);
	}

	@Test
	void fillsTheRunRecord() {
		JsonNode run = report.path("run");
		assertThat(run.path("project_name").asString()).isEqualTo("sample-shop");
		assertThat(run.path("transport").asString()).isEqualTo("audit-bus, orders-bus");
		assertThat(run.path("java_version").asString()).startsWith(System.getProperty("java.version").split("-")[0]);
		assertThat(run.path("reporter_version").asString()).isNotEqualTo("unknown");
		assertThat(run.path("harness_version").asString()).isNotEqualTo("unknown");
		assertThat(run.path("hostname").asString()).isNotBlank();
		assertThat(run.path("forks").path("workers").asInt()).isEqualTo(1);
		assertThat(run.path("forks").path("incomplete_workers").size()).isZero();
		assertThat(run.path("redactions").path("fields").asInt()).isPositive();
		assertThat(run.path("redactions").path("stream_matches").asInt()).isPositive();
	}

	@Test
	void diagnosesEachHandle() {
		assertThat(handle("a2NearMiss").path("diagnosis").path("kind").asString()).isEqualTo("near_miss");
		assertThat(handle("a3SilentTimeout").path("diagnosis").path("kind").asString()).isEqualTo("silent_timeout");
		assertThat(handle("a4SlowAudit").path("diagnosis").path("kind").asString()).isEqualTo("over_budget");
		assertThat(handle("a1OrderSettles").path("diagnosis").path("kind").asString()).isEqualTo("matched");
	}

	@Test
	void printsEachTest() {
		List<String> lines = new ArrayList<>();
		report.path("tests")
			.values()
			.forEach((test) -> lines.add(test.path("nodeid").asString() + " " + test.path("outcome").asString()));
		System.out.println(String.join("\n", lines));
		System.out.println(report.toPrettyString());
	}

	private static JsonNode test(String method) {
		for (JsonNode test : report.path("tests").values()) {
			if (test.path("nodeid").asString().contains("#" + method + "(")) {
				return test;
			}
		}
		throw new AssertionError("no test " + method);
	}

	private static JsonNode handle(String method) {
		return test(method).path("scenarios").path(0).path("handles").path(0);
	}

}

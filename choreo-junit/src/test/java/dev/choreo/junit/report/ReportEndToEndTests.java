package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;

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
	void recordsEachTestOfTheSuite() {
		assertThat(test("a1OrderSettles").path("outcome").asString()).isEqualTo("passed");
		assertThat(test("a1OrderSettles").path("markers").path(0).asString()).isEqualTo("smoke");
		assertThat(test("a2NearMiss").path("outcome").asString()).isEqualTo("failed");
		assertThat(test("a3SilentTimeout").path("outcome").asString()).isEqualTo("failed");
		assertThat(test("a4SlowAudit").path("outcome").asString()).isEqualTo("slow");
		assertThat(test("a5FraudCheckReply").path("outcome").asString()).isEqualTo("passed");
		assertThat(test("a6HostilePayloads").path("name").asString())
			.isEqualTo("hostile <img src=x onerror=alert(3)> payloads");
		assertThat(test("a7NeedsABroker").path("skip_reason").asString()).isEqualTo("no broker on this machine");
		assertThat(test("a8BrokenFixture").path("outcome").asString()).isEqualTo("errored");
		assertThat(test("a8BrokenFixture").path("traceback").asString())
			.startsWith("java.lang.IllegalStateException: fixture could not start");
		assertThat(test("a9PrintsASecret").path("stdout").asString())
			.isEqualTo("connecting with password=<redacted> to amqp://<redacted>@localhost:5672\n");
	}

	@Test
	void recordsTheScenariosWithTheirCorrelationIds() {
		JsonNode settles = test("a1OrderSettles").path("scenarios").path(0);
		assertThat(settles.path("correlation_id").asString()).startsWith("TEST-");
		assertThat(settles.path("outcome").asString()).isEqualTo("pass");
		JsonNode audit = test("a4SlowAudit").path("scenarios").path(0);
		assertThat(audit.path("correlation_id").isNull()).isTrue();
		assertThat(audit.path("outcome").asString()).isEqualTo("slow");
		JsonNode reply = test("a5FraudCheckReply").path("scenarios").path(0).path("replies").path(0);
		assertThat(reply.path("state").asString()).isEqualTo("replied");
		assertThat(reply.path("trigger_topic").asString()).isEqualTo("fraud.check");
		JsonNode hostile = handle("a6HostilePayloads").path("actual");
		assertThat(hostile.path("note").asString()).isEqualTo(SampleScenarios.HOSTILE_SCRIPT);
		assertThat(hostile.path("html").asString()).isEqualTo(SampleScenarios.HOSTILE_IMG);
	}

	@Test
	void writesNoSecretAnywhere() throws Exception {
		assertThat(directory.resolve("results.json")).content().doesNotContain("hunter2", "s3cret");
		assertThat(directory.resolve("index.html")).content().doesNotContain("hunter2", "s3cret");
		assertThat(handle("a2NearMiss").path("actual").path("password").asString()).isEqualTo("<redacted>");
	}

	@Test
	void embedsTheSameReportInThePage() throws Exception {
		String html = Files.readString(directory.resolve("index.html"));
		assertThat(html).doesNotContain(SampleScenarios.HOSTILE_SCRIPT, SampleScenarios.HOSTILE_IMG)
			.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
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

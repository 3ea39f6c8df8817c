package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportListenerTests {

	@TempDir
	Path work;

	@AfterEach
	void forgetTheConfiguration() {
		ChoreoReport.clearConfiguration();
	}

	@Test
	void recordsEachOutcomeWithItsReason() throws Exception {
		JsonNode report = run(SampleFixtures.Outcomes.class);
		assertThat(test(report, "passes").path("outcome").asString()).isEqualTo("passed");
		JsonNode failed = test(report, "assertionFails");
		assertThat(failed.path("outcome").asString()).isEqualTo("failed");
		assertThat(failed.path("traceback").asString()).contains("expected: 2");
		JsonNode setup = test(report, "setupFails");
		assertThat(setup.path("outcome").asString()).isEqualTo("errored");
		assertThat(setup.path("traceback").asString()).contains("IllegalStateException: set-up failed");
		JsonNode disabled = test(report, "disabled");
		assertThat(disabled.path("outcome").asString()).isEqualTo("skipped");
		assertThat(disabled.path("skip_reason").asString()).isEqualTo("waiting for the broker upgrade");
		assertThat(disabled.path("traceback").isNull()).isTrue();
		JsonNode totals = report.path("run").path("totals");
		assertThat(totals.path("total").asInt()).isEqualTo(6);
		assertThat(totals.path("passed").asInt()).isEqualTo(3);
		assertThat(totals.path("failed").asInt()).isEqualTo(1);
		assertThat(totals.path("errored").asInt()).isEqualTo(1);
		assertThat(totals.path("skipped").asInt()).isEqualTo(1);
	}

	@Test
	void givesEveryInvocationItsOwnNodeId() throws Exception {
		JsonNode report = run(SampleFixtures.Outcomes.class);
		List<String> nodeIds = new ArrayList<>();
		report.path("tests").values().forEach((test) -> nodeIds.add(test.path("nodeid").asString()));
		assertThat(nodeIds).doesNotHaveDuplicates()
			.contains(SampleFixtures.Outcomes.class.getName() + "#passes()")
			.contains(SampleFixtures.Outcomes.class.getName() + "#repeated()[1]",
					SampleFixtures.Outcomes.class.getName() + "#repeated()[2]");
		JsonNode passes = test(report, "passes");
		assertThat(passes.path("file").asString())
			.isEqualTo("src/test/java/dev/choreo/junit/report/SampleFixtures.java");
		assertThat(passes.path("class").asString()).isEqualTo(SampleFixtures.Outcomes.class.getName());
		assertThat(passes.path("worker_id").asString()).isEqualTo("pid-" + ProcessHandle.current().pid());
	}

	@Test
	void recordsTagsAsMarkers() throws Exception {
		JsonNode report = run(SampleFixtures.Tiny.class);
		JsonNode first = test(report, "first");
		assertThat(first.path("markers").values()).extracting(JsonNode::asString).containsExactly("fast");
		assertThat(first.path("choreo_meta").path("tags").values()).extracting(JsonNode::asString)
			.containsExactly("fast");
		assertThat(test(report, "second").path("choreo_meta").isNull()).isTrue();
		assertThat(first.path("scenarios").path(0).path("name").asString()).isEqualTo("tiny first");
		assertThat(first.path("scenarios").path(0).path("correlation_id").isNull()).isTrue();
	}

	@Test
	void skipsEveryTestOfADisabledClass() throws Exception {
		JsonNode report = run(SampleFixtures.DisabledClass.class);
		assertThat(report.path("tests").values()).hasSize(2)
			.allSatisfy((test) -> assertThat(test.path("outcome").asString()).isEqualTo("skipped"))
			.allSatisfy(
					(test) -> assertThat(test.path("skip_reason").asString()).isEqualTo("the whole class is parked"));
	}

	@Test
	void errorsTheTestsOfAClassWhoseSetUpFailed() throws Exception {
		JsonNode report = run(SampleFixtures.BeforeAllFails.class);
		JsonNode never = test(report, "never");
		assertThat(never.path("outcome").asString()).isEqualTo("errored");
		assertThat(never.path("traceback").asString()).contains("cannot start the fixture");
	}

	@Test
	void attributesAScenarioOnAnotherThreadToTheOnlyRunningTest() throws Exception {
		JsonNode report = run(SampleFixtures.OtherThread.class);
		assertThat(report.path("tests").values()).hasSize(1);
		assertThat(test(report, "opensOnAnotherThread").path("scenarios").path(0).path("name").asString())
			.isEqualTo("opened elsewhere");
	}

	@Test
	void filesAScenarioOfNoKnownTestUnderUnattributedWhenTestsRunInParallel() throws Exception {
		JsonNode report = run(
				Map.of("junit.jupiter.execution.parallel.enabled", "true",
						"junit.jupiter.execution.parallel.config.strategy", "fixed",
						"junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
				SampleFixtures.Parallel.class);
		assertThat(scenarioNames(test(report, "left"))).containsExactly("left on its own thread");
		assertThat(scenarioNames(test(report, "right"))).containsExactly("right on its own thread");
		JsonNode unattributed = byNodeId(report, "<unattributed>");
		assertThat(scenarioNames(unattributed)).containsExactly("left on a helper thread");
		assertThat(unattributed.path("outcome").asString()).isEqualTo("passed");
	}

	@Test
	void readsAConfigurationGivenWhileTheTestsRun() throws Exception {
		JsonNode report = run(SampleFixtures.LateConfiguration.class);
		assertThat(report.path("run").path("project_name").asString()).isEqualTo("configured-late");
	}

	@Test
	void writesNothingWhenDisabled() {
		Path directory = this.work.resolve("off");
		TestExecutionSummary summary = SampleRun.run(directory, Map.of("choreo.report.enabled", "false"),
				SampleFixtures.Tiny.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(directory).doesNotExist();
	}

	@Test
	void anUnsafeDirectoryNeverChangesAnOutcome() throws Exception {
		Path checkout = Files.createDirectories(this.work.resolve("checkout"));
		Files.createDirectories(checkout.resolve(".git"));
		Files.writeString(checkout.resolve("pom.xml"), "<project/>");
		TestExecutionSummary summary = SampleRun.run(checkout, SampleFixtures.Tiny.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(summary.getTotalFailureCount()).isZero();
		try (var entries = Files.list(checkout)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactlyInAnyOrder(".git",
					"pom.xml");
		}
	}

	@Test
	void logsWhyTheReportWasNotWritten() throws Exception {
		Path checkout = Files.createDirectories(this.work.resolve("repository"));
		Files.createDirectories(checkout.resolve(".git"));
		Logger logger = (Logger) LoggerFactory.getLogger("dev.choreo.junit.report");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			SampleRun.run(checkout, SampleFixtures.Tiny.class);
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Choreo report not written: refusing " + checkout
					+ ": it is a VCS root (it contains .git). Test outcomes are not affected.");
	}

	@Test
	void aFileInPlaceOfTheDirectoryNeverChangesAnOutcome() throws Exception {
		Path file = Files.writeString(this.work.resolve("not-a-directory"), "keep me");
		TestExecutionSummary summary = SampleRun.run(file, SampleFixtures.Tiny.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(summary.getTotalFailureCount()).isZero();
		assertThat(file).hasContent("keep me");
	}

	@Test
	void takesTheDirectoryFromCodeOverSystemPropertiesOverParameters() throws Exception {
		Path fromCode = this.work.resolve("from-code");
		Path fromProperty = this.work.resolve("from-property");
		Path fromParameter = this.work.resolve("from-parameter");
		System.setProperty("choreo.report.dir", fromProperty.toString());
		try {
			SampleRun.run(fromParameter, SampleFixtures.Tiny.class);
			assertThat(fromProperty.resolve("results.json")).exists();
			assertThat(fromParameter).doesNotExist();
			ChoreoReport.configure(ReportOptions.empty().withDirectory(fromCode));
			SampleRun.run(fromParameter, SampleFixtures.Tiny.class);
			assertThat(fromCode.resolve("results.json")).exists();
			assertThat(fromParameter).doesNotExist();
		}
		finally {
			System.clearProperty("choreo.report.dir");
		}
	}

	@Test
	void replacesTheReportOfAnEarlierRun() throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("report"));
		Files.writeString(directory.resolve(".choreo-report"), "choreo-report v1 output directory\n");
		Files.writeString(directory.resolve("results.json"), "{\"stale\": true}");
		Files.writeString(directory.resolve("index.html"), "stale");
		JsonNode report = ReportSchema.readValid(run(directory, SampleFixtures.Tiny.class));
		assertThat(report.path("tests").values()).extracting((test) -> test.path("name").asString())
			.containsExactlyInAnyOrder("first()", "second()");
		assertThat(directory.resolve("index.html")).content().doesNotContain("stale");
	}

	@Test
	void keepsTheTestsOfEveryTestPlanOfThisJvm() throws Exception {
		Path directory = this.work.resolve("report");
		SampleRun.run(directory, SampleFixtures.OtherTiny.class);
		JsonNode report = ReportSchema.readValid(run(directory, SampleFixtures.Tiny.class));
		assertThat(report.path("tests").values()).extracting((test) -> test.path("name").asString())
			.containsExactlyInAnyOrder("third()", "first()", "second()");
		assertThat(report.path("run").path("totals").path("total").asInt()).isEqualTo(3);
		assertThat(directory.resolve("_partial")).doesNotExist();
	}

	private JsonNode run(Class<?> type) throws Exception {
		return run(Map.of(), type);
	}

	private JsonNode run(Map<String, String> parameters, Class<?> type) throws Exception {
		Path directory = Files.createTempDirectory(this.work, "report");
		SampleRun.run(directory, parameters, type);
		return ReportSchema.readValid(directory.resolve("results.json"));
	}

	private static Path run(Path directory, Class<?> type) {
		SampleRun.run(directory, type);
		return directory.resolve("results.json");
	}

	static JsonNode test(JsonNode report, String method) {
		for (JsonNode test : report.path("tests").values()) {
			if (test.path("nodeid").asString().contains("#" + method + "(")) {
				return test;
			}
		}
		throw new AssertionError("no test " + method + " in " + report.path("tests"));
	}

	private static JsonNode byNodeId(JsonNode report, String nodeId) {
		for (JsonNode test : report.path("tests").values()) {
			if (test.path("nodeid").asString().equals(nodeId)) {
				return test;
			}
		}
		throw new AssertionError("no test " + nodeId);
	}

	private static List<String> scenarioNames(JsonNode test) {
		List<String> names = new ArrayList<>();
		test.path("scenarios").values().forEach((scenario) -> names.add(scenario.path("name").asString()));
		return names;
	}

}

package dev.choreo.junit.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDocumentTests {

	private static final ReportSettings settings = new ReportSettings(Path.of("/tmp/report"), true, "shop", true,
			"allowlist.yml", "ci");

	private static final RunInfo info = new RunInfo("17.0.1 (Test)",
			new RunInfo.JavaRuntime("java", "17.0.1", "Test Vendor", "4.0.7"), "0.1.0", "0.1.0", "host",
			new GitInfo("0123456789abcdef0123456789abcdef01234567", "main"));

	@TempDir
	Path directory;

	@Test
	void validatesWithZeroTests() {
		JsonNode report = ReportSchema.assertValid(document(List.of()));
		assertThat(report.path("schema_version").asString()).isEqualTo("1");
		assertThat(report.path("run").path("totals").path("total").asInt()).isZero();
	}

	@Test
	void countsTheOutcomes() {
		JsonNode report = ReportSchema.assertValid(document(List.of(test("a#p1()", "passed"), test("a#p2()", "passed"),
				test("a#f()", "failed"), test("a#s()", "skipped"))));
		JsonNode totals = report.path("run").path("totals");
		assertThat(totals.path("passed").asInt()).isEqualTo(2);
		assertThat(totals.path("failed").asInt()).isEqualTo(1);
		assertThat(totals.path("skipped").asInt()).isEqualTo(1);
		assertThat(totals.path("total").asInt()).isEqualTo(4);
	}

	@Test
	void fillsEveryRunField() {
		JsonNode run = ReportSchema.assertValid(document(List.of())).path("run");
		assertThat(run.path("project_name").asString()).isEqualTo("shop");
		assertThat(run.path("allowlist_path").asString()).isEqualTo("allowlist.yml");
		assertThat(run.path("java_version").asString()).isEqualTo("17.0.1 (Test)");
		assertThat(run.path("runtime")).hasToString(
				"{\"name\":\"java\",\"version\":\"17.0.1\",\"vendor\":\"Test Vendor\",\"spring_boot\":\"4.0.7\",\"workers\":1}");
		assertThat(run.path("git_sha").asString()).hasSize(40);
		assertThat(run.path("git_branch").asString()).isEqualTo("main");
		assertThat(run.path("environment").asString()).isEqualTo("ci");
		assertThat(run.path("transport").asString()).isEqualTo("in-memory");
	}

	/**
	 * The original's {@code python_version} and {@code xdist} are no longer written (the
	 * runtime is {@code java_version} and {@code runtime}, the workers {@code forks});
	 * the schema still allows them so reports written before stay valid.
	 */
	@Test
	void writesTheRuntimeInsteadOfTheOriginalsPythonFields() {
		JsonNode run = ReportSchema.assertValid(document(List.of())).path("run");
		assertThat(run.has("python_version")).isFalse();
		assertThat(run.has("xdist")).isFalse();
		assertThat(run.path("runtime").path("name").asString()).isEqualTo("java");
		// a report of an earlier version (the original's fields, no runtime) stays valid,
		// so stored reports and Chronicle's history keep validating
		ObjectNode earlier = document(List.of());
		ObjectNode earlierRun = (ObjectNode) earlier.path("run");
		earlierRun.put("python_version", "17.0.1 (Test)");
		earlierRun.putObject("xdist").put("workers", 2).putArray("incomplete_workers");
		earlierRun.remove("runtime");
		ReportSchema.assertValid(earlier);
		earlierRun.putObject("runtime").put("name", "java");
		assertThat(ReportSchema.errors(earlier)).isNotEmpty()
			.allSatisfy((error) -> assertThat(error).contains("runtime"));
	}

	@Test
	void aRunWithoutSpringBootSaysNull() {
		RunInfo plain = new RunInfo("17.0.1", new RunInfo.JavaRuntime("java", "17.0.1", "Test Vendor", null), "0.1.0",
				"0.1.0", "host", new GitInfo(null, null));
		JsonNode run = ReportSchema.assertValid(ReportDocument.build(settings, plain,
				new ReportDocument.RunFacts(Instant.now().minusSeconds(1), Instant.now(), Set.of(), 0, 0, false),
				List.of(), new ReportDocument.Forks(List.of("pid-1"), List.of())))
			.path("run");
		assertThat(run.path("runtime").path("spring_boot").isNull()).isTrue();
	}

	@Test
	void theSpringBootVersionIsReadFromItsVersionClass() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(RunInfo.staticVersion(loader, BootVersion.class.getName())).isEqualTo("4.0.7");
		assertThat(RunInfo.staticVersion(loader, "org.springframework.boot.SpringBootVersion")).isNull();
		assertThat(RunInfo.staticVersion(loader, String.class.getName())).isNull();
		assertThat(RunInfo.current().runtime().springBoot()).isNull();
		assertThat(RunInfo.current().runtime().version()).isEqualTo(System.getProperty("java.version"));
	}

	@Test
	void keeps1000TestsPreferringThoseThatDidNotPass() {
		List<ObjectNode> tests = new ArrayList<>();
		for (int i = 0; i < 1100; i++) {
			tests.add(test("a#t" + i + "()", (i % 100 == 99) ? "failed" : "passed"));
		}
		JsonNode report = ReportSchema.assertValid(document(tests));
		assertThat(report.path("tests").size()).isEqualTo(1000);
		assertThat(report.path("run").path("truncated").asBoolean()).isTrue();
		assertThat(report.path("run").path("totals").path("total").asInt()).isEqualTo(1100);
		assertThat(report.path("tests").values()).filteredOn((test) -> test.path("outcome").asString().equals("failed"))
			.hasSize(11);
	}

	@Test
	void mergesPartialsAndListsIncompleteWorkers() {
		ObjectNode first = partial("pid-1", List.of(test("a#one()", "passed")), 2, "2026-01-01T10:00:00Z");
		ObjectNode second = partial("pid-2", List.of(test("b#two()", "failed"), test("a#one()", "failed")), 3,
				"2026-01-01T09:59:00Z");
		ObjectNode merged = ReportDocument.merge(List.of(first, second), List.of("pid-3"), settings, info);
		ReportSchema.assertValid(merged);
		JsonNode run = merged.path("run");
		assertThat(run.path("forks").path("workers").asInt()).isEqualTo(3);
		assertThat(run.path("runtime").path("workers").asInt()).isEqualTo(3);
		assertThat(run.path("forks").path("incomplete_workers").values()).extracting(JsonNode::asString)
			.containsExactly("pid-3");
		assertThat(run.path("totals").path("total").asInt()).isEqualTo(2);
		assertThat(run.path("redactions").path("fields").asInt()).isEqualTo(5);
		assertThat(run.path("started_at").asString()).isEqualTo("2026-01-01T09:59:00Z");
		assertThat(merged.path("tests").values()).extracting((test) -> test.path("nodeid").asString())
			.containsExactlyInAnyOrder("a#one()", "b#two()");
		assertThat(merged.path("tests").values()).filteredOn((test) -> test.path("nodeid").asString().equals("a#one()"))
			.singleElement()
			.satisfies((test) -> assertThat(test.path("worker_id").asString()).isEqualTo("pid-2"));
	}

	static ObjectNode partial(String worker, List<ObjectNode> tests, int fields, String started) {
		tests.forEach((test) -> test.put("worker_id", worker));
		return ReportDocument.build(settings, info,
				new ReportDocument.RunFacts(Instant.parse(started), Instant.parse(started).plusSeconds(5),
						Set.of("in-memory"), fields, 0, false),
				tests, new ReportDocument.Forks(List.of(worker), List.of()));
	}

	static ObjectNode document(List<ObjectNode> tests) {
		return ReportDocument.build(
				settings, info, new ReportDocument.RunFacts(Instant.now().minusSeconds(1), Instant.now(),
						Set.of("in-memory"), 0, 0, false),
				tests, new ReportDocument.Forks(List.of("pid-1"), List.of()));
	}

	static ObjectNode test(String nodeId, String outcome) {
		ObjectNode test = JsonNodeFactory.instance.objectNode();
		test.put("nodeid", nodeId);
		test.put("file", "src/test/java/a.java");
		test.put("name", nodeId);
		test.put("class", "a");
		test.putArray("markers");
		test.putNull("choreo_meta");
		test.put("outcome", outcome);
		test.put("duration_ms", 1.5);
		test.putNull("traceback");
		test.put("stdout", "");
		test.put("stderr", "");
		test.put("log", "");
		test.putNull("skip_reason");
		test.put("worker_id", "pid-1");
		test.putArray("scenarios");
		return test;
	}

	/**
	 * Stands in for Spring Boot's {@code SpringBootVersion}, which is not on this
	 * module's class path.
	 */
	static final class BootVersion {

		private BootVersion() {
		}

		public static String getVersion() {
			return "4.0.7";
		}

	}

}

package dev.choreo.junit.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ForkMergeTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void mergesEveryPartialAndListsTheCorruptAndMissingOnes() throws Exception {
		Path directory = reportDirectory();
		Path partials = Files.createDirectories(directory.resolve("_partial"));
		Path otherMarker = liveMarker(partials);
		String other = workerOf(otherMarker);
		ObjectNode otherPartial = ReportDocumentTests.partial(other,
				List.of(ReportDocumentTests.test("other#ran()", "failed")), 1, "2026-01-01T10:00:00Z");
		Files.write(partials.resolve("worker-" + other + ".json"), mapper.writeValueAsBytes(otherPartial));
		Files.writeString(partials.resolve("worker-pid-broken.json"), "{\"schema_version\": \"1\", \"tests\": [");
		Files.writeString(partials.resolve("worker-pid-gone.running"), "{\"worker\":\"pid-gone\",\"pid\":-1}");
		SampleRun.run(directory, SampleFixtures.Tiny.class);
		JsonNode report = ReportSchema.readValid(directory.resolve("results.json"));
		assertThat(nodeIds(report)).containsExactlyInAnyOrder("other#ran()",
				SampleFixtures.Tiny.class.getName() + "#first()", SampleFixtures.Tiny.class.getName() + "#second()");
		JsonNode forks = report.path("run").path("forks");
		assertThat(forks.path("workers").asInt()).isEqualTo(4);
		assertThat(forks.path("incomplete_workers").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("pid-broken", "pid-gone");
		assertThat(report.path("run").path("totals").path("failed").asInt()).isEqualTo(1);
		assertThat(partials.resolve("worker-pid-broken.json")).exists();
		Files.delete(otherMarker);
		Worker.forDirectory(directory).exit();
		assertThat(directory.resolve("_partial")).doesNotExist();
		JsonNode last = ReportSchema.readValid(directory.resolve("results.json"));
		assertThat(nodeIds(last)).hasSize(3);
		assertThat(last.path("run").path("forks").path("incomplete_workers").size()).isEqualTo(2);
		assertThat(directory.resolve("index.html")).content().contains("pid-broken");
	}

	@Test
	void wipesThePartialsOfAnEarlierRunWhoseWorkersAreGone() throws Exception {
		Path directory = reportDirectory();
		Path partials = Files.createDirectories(directory.resolve("_partial"));
		Files.writeString(partials.resolve("worker-pid-stale.json"), "{}");
		Files.writeString(partials.resolve("worker-pid-stale.running"), "{\"worker\":\"pid-stale\",\"pid\":-1}");
		SampleRun.run(directory, SampleFixtures.Tiny.class);
		JsonNode report = ReportSchema.readValid(directory.resolve("results.json"));
		assertThat(report.path("run").path("forks").path("workers").asInt()).isEqualTo(1);
		assertThat(report.path("run").path("forks").path("incomplete_workers").size()).isZero();
		assertThat(directory.resolve("_partial")).doesNotExist();
	}

	@Test
	void keepsThePartialsWhileAnotherWorkerIsAliveAndLetsTheLastOneFinish() throws Exception {
		Path directory = reportDirectory();
		Path partials = Files.createDirectories(directory.resolve("_partial"));
		Path otherMarker = liveMarker(partials);
		SampleRun.run(directory, SampleFixtures.Tiny.class);
		assertThat(ReportSchema.readValid(directory.resolve("results.json")).path("tests").size()).isEqualTo(2);
		assertThat(partials.resolve("worker-pid-" + ProcessHandle.current().pid() + ".json")).exists();
		assertThat(otherMarker).exists();
		Files.delete(otherMarker);
		Worker.forDirectory(directory).exit();
		assertThat(directory.resolve("_partial")).doesNotExist();
		assertThat(ReportSchema.readValid(directory.resolve("results.json")).path("tests").size()).isEqualTo(2);
	}

	@Test
	void mergesTheReportsOfTwoForkedJvmsRunningAtTheSameTime() throws Exception {
		Path directory = this.work.resolve("forked");
		Process first = fork(directory, SampleFixtures.Tiny.class);
		Process second = fork(directory, SampleFixtures.OtherTiny.class);
		assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isZero();
		assertThat(second.exitValue()).isZero();
		JsonNode report = ReportSchema.readValid(directory.resolve("results.json"));
		assertThat(nodeIds(report)).containsExactlyInAnyOrder(SampleFixtures.Tiny.class.getName() + "#first()",
				SampleFixtures.Tiny.class.getName() + "#second()",
				SampleFixtures.OtherTiny.class.getName() + "#third()");
		JsonNode forks = report.path("run").path("forks");
		assertThat(forks.path("workers").asInt()).isEqualTo(2);
		assertThat(forks.path("worker_ids").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("pid-" + first.pid(), "pid-" + second.pid());
		assertThat(forks.path("incomplete_workers").size()).isZero();
		assertThat(directory.resolve("_partial")).doesNotExist();
		assertThat(directory.resolve("index.html")).isRegularFile();
	}

	private Process fork(Path directory, Class<?> sample) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				ForkMain.class.getName(), directory.toString(), sample.getName()));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve(sample.getSimpleName() + ".log").toFile())
			.directory(new File(System.getProperty("user.dir")))
			.start();
	}

	/**
	 * A marker of another worker that is alive: the process that started this JVM.
	 */
	private static Path liveMarker(Path partials) throws Exception {
		ProcessHandle alive = ProcessHandle.current().parent().orElseThrow();
		ObjectNode marker = mapper.createObjectNode();
		marker.put("worker", "pid-" + alive.pid());
		marker.put("pid", alive.pid());
		alive.info().startInstant().ifPresent((start) -> marker.put("process_started", start.toString()));
		Path file = partials.resolve("worker-pid-" + alive.pid() + ".running");
		Files.write(file, mapper.writeValueAsBytes(marker));
		return file;
	}

	private static String workerOf(Path marker) {
		String name = marker.getFileName().toString();
		return name.substring("worker-".length(), name.length() - ".running".length());
	}

	private Path reportDirectory() throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("report"));
		Files.writeString(directory.resolve(".choreo-report"), "choreo-report v1 output directory\n");
		return directory;
	}

	private static List<String> nodeIds(JsonNode report) {
		List<String> ids = new ArrayList<>();
		report.path("tests").values().forEach((test) -> ids.add(test.path("nodeid").asString()));
		return ids;
	}

}

package dev.choreo.chronicle;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.choreo.chronicle.samplesuite.SampleSuiteMain;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's own suite, run in a JVM of its own with nothing but the
 * Chronicle URL, tenant and token set (as a team sets them in CI), shows up in a
 * Chronicle started by this test as one run with the suite's tests and the topics it
 * exercised.
 */
class SampleSuiteUploadIntegrationTests extends ApiIntegrationTest {

	private static final Path SAMPLE = Path.of("..", "choreo-sample-app").toAbsolutePath().normalize();

	private static final Pattern SUMMARY = Pattern.compile("succeeded=(\\d+) failed=(\\d+)");

	@TempDir
	Path work;

	@Test
	void theSampleSuiteAppearsAsARunWithItsTopics() throws Exception {
		String tenant = uniqueTenant("sample-suite");
		String token = api().newTenant(tenant);
		Path reportDirectory = this.work.resolve("report");
		Path log = this.work.resolve("suite.log");

		ProcessBuilder builder = new ProcessBuilder(command(reportDirectory)).directory(SAMPLE.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// the three settings a team gives its CI, as environment variables (a token on a
		// command line would be visible to every process of the machine)
		builder.environment()
			.putAll(Map.of("CHOREO_CHRONICLE_URL", api().base(), "CHOREO_CHRONICLE_TENANT", tenant,
					"CHOREO_CHRONICLE_TOKEN", token));
		Process suite = builder.start();
		boolean ended = suite.waitFor(10, TimeUnit.MINUTES);
		if (!ended) {
			suite.destroyForcibly();
		}
		String output = Files.readString(log);
		assertThat(ended).as("the sample suite ended within 10 minutes:%n%s", tail(output)).isTrue();
		assertThat(suite.exitValue()).as("the sample suite passed:%n%s", tail(output)).isZero();
		Matcher summary = SUMMARY.matcher(output);
		assertThat(summary.find()).as(tail(output)).isTrue();
		int succeeded = Integer.parseInt(summary.group(1));
		assertThat(succeeded).isPositive();

		JsonNode written = JsonMapper.shared().readTree(reportDirectory.resolve("results.json").toFile());
		JsonNode runs = api().get("/api/v1/runs", token).json();
		assertThat(runs).as("runs of the tenant").hasSize(1);
		long id = runs.get(0).path("id").asLong();
		assertThat(output).contains("Choreo report posted to Chronicle: " + api().base() + "/runs/" + id)
			.doesNotContain(token);

		JsonNode run = api().get("/api/v1/runs/" + id, token).json();
		JsonNode totals = run.path("run").path("totals");
		assertThat(totals.path("total").asInt()).isEqualTo(written.path("run").path("totals").path("total").asInt());
		assertThat(totals.path("passed").asInt() + totals.path("slow").asInt()).isEqualTo(succeeded);
		assertThat(totals.path("failed").asInt() + totals.path("errored").asInt()).isZero();

		List<String> topics = new ArrayList<>();
		JsonNode checked = null;
		for (JsonNode topic : api().get("/api/v1/topics", token).json()) {
			topics.add(topic.path("topic").asString());
			if ("orders.checked".equals(topic.path("topic").asString())) {
				checked = topic;
			}
		}
		assertThat(topics).contains("orders.checked");
		assertThat(checked).isNotNull();
		assertThat(checked.path("samples").asInt()).isPositive();
		assertThat(checked.path("p50_ms").asDouble()).isPositive();
	}

	private List<String> command(Path reportDirectory) throws Exception {
		Path classes = SAMPLE.resolve("target/classes");
		Path testClasses = SAMPLE.resolve("target/test-classes");
		Path dependencies = SAMPLE.resolve("target/test-classpath.txt");
		boolean built = Files.isDirectory(testClasses) && Files.isRegularFile(dependencies);
		String reason = "The sample application is not built (" + dependencies + " is missing); build it first with "
				+ "./mvnw -pl choreo-sample-app -am install -DskipTests, or run the whole build";
		if (!built && Boolean.getBoolean("choreo.e2e.required")) {
			throw new IllegalStateException(reason);
		}
		Assumptions.assumeTrue(built, reason);
		List<String> classPath = new ArrayList<>();
		classPath.add(testClasses.toString());
		classPath.add(classes.toString());
		classPath.add(Files.readString(dependencies).strip());
		classPath.add(mainOnItsOwn().toString());
		classPath
			.add(Path.of(LauncherFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return List.of(java.toString(), "-cp", String.join(File.pathSeparator, classPath),
				"-Dchoreo.report.dir=" + reportDirectory,
				"-Dchoreo.e2e.required=" + Boolean.getBoolean("choreo.e2e.required"), SampleSuiteMain.class.getName(),
				"dev.choreo.sample");
	}

	/**
	 * A class directory holding only the suite's main class, so that nothing else of this
	 * module (its resources above all) reaches the sample's class path.
	 */
	private Path mainOnItsOwn() throws IOException {
		String resource = SampleSuiteMain.class.getName().replace('.', '/') + ".class";
		Path target = this.work.resolve("main").resolve(resource);
		Files.createDirectories(target.getParent());
		try (InputStream in = SampleSuiteMain.class.getClassLoader().getResourceAsStream(resource)) {
			Files.copy(Objects.requireNonNull(in, resource), target);
		}
		return this.work.resolve("main");
	}

	private static String tail(String output) {
		List<String> lines = output.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
	}

}

package dev.choreo.examples.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the four transports' tests again, as a build would, in a JUnit launcher of its own
 * that writes the Choreo report into a temporary directory, with every log event of the
 * run captured (Choreo at DEBUG, everything else at INFO) and the tests' standard output
 * captured into the report. Then no password of the run, nor the wrong one the refusal
 * tests try, is in any log event, its stack trace, {@code results.json} or
 * {@code index.html}.
 */
class SecretsStayOutOfLogsAndReportTests {

	private static final List<Class<?>> AUTH_TESTS = List.of(NatsAuthTests.class, RedisAclAuthTests.class,
			RabbitAuthTests.class, KafkaScramAuthTests.class);

	@TempDir
	Path reportDirectory;

	@Test
	void noPasswordReachesALogLineOrTheReport() throws Exception {
		requireTheBrokers();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		TestExecutionSummary summary = runCapturingLogs(captured);

		assertThat(summary.getTestsFailedCount()).as("failures: %s", summary.getFailures()).isZero();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(8);

		List<String> logLines = captured.list.stream().map(SecretsStayOutOfLogsAndReportTests::text).toList();
		assertThat(logLines).as("the clients logged their SASL settings, with the JAAS line hidden")
			.anyMatch((line) -> line.contains("sasl.mechanism = SCRAM-SHA-512"))
			.anyMatch((line) -> line.contains("sasl.jaas.config = [hidden]"));
		assertThat(logLines.stream()
			.filter((line) -> !leaked(line).isEmpty())
			.map(SecretsStayOutOfLogsAndReportTests::masked)).as("log lines with a password in them (masked here)")
			.isEmpty();

		String results = Files.readString(this.reportDirectory.resolve("results.json"));
		String page = Files.readString(this.reportDirectory.resolve("index.html"));
		JsonNode report = JsonMapper.builder().build().readTree(results);
		assertThat(report.path("run").path("totals").path("passed").asInt()).isEqualTo(8);
		assertThat(scenarioNames(report)).contains("nats with user and password", "redis as an ACL user",
				"rabbitmq as a vhost user", "kafka with scram");
		assertThat(results).as("the captured output is in the report").contains("sasl.jaas.config = [hidden]");
		assertThat(leaked(results)).as("passwords in results.json").isEmpty();
		assertThat(leaked(page)).as("passwords in index.html").isEmpty();
	}

	/** Start (or find) every broker first, so that a missing one skips this test too. */
	private static void requireTheBrokers() throws Exception {
		AuthBrokers.natsUrl();
		AuthBrokers.redisUrl();
		AuthBrokers.rabbitUri();
		AuthBrokers.kafkaBootstrap();
	}

	private TestExecutionSummary runCapturingLogs(ListAppender<ILoggingEvent> captured) {
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		Logger choreo = (Logger) LoggerFactory.getLogger("dev.choreo");
		Level rootLevel = root.getLevel();
		Level choreoLevel = choreo.getLevel();
		captured.start();
		root.addAppender(captured);
		root.setLevel(Level.INFO);
		choreo.setLevel(Level.DEBUG);
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		try (LauncherSession session = LauncherFactory.openSession()) {
			session.getLauncher()
				.execute(request().selectors(AUTH_TESTS.stream().map((type) -> selectClass(type)).toList())
					.configurationParameter("choreo.report.dir", this.reportDirectory.toString())
					.configurationParameter("junit.platform.output.capture.stdout", "true")
					.configurationParameter("junit.platform.output.capture.stderr", "true")
					.build(), summary);
		}
		finally {
			root.detachAppender(captured);
			root.setLevel(rootLevel);
			choreo.setLevel(choreoLevel);
			captured.stop();
		}
		return summary.getSummary();
	}

	private static String text(ILoggingEvent event) {
		String message = event.getLoggerName() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null)
				? message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()) : message;
	}

	/**
	 * Which passwords a text contains, by the name of their broker: never the password
	 * itself.
	 */
	private static List<String> leaked(String text) {
		return AuthBrokers.secrets()
			.stream()
			.filter(text::contains)
			.map((secret) -> "the " + secret.substring(0, secret.lastIndexOf('-')) + " password")
			.toList();
	}

	private static String masked(String text) {
		String masked = text;
		for (String secret : AuthBrokers.secrets()) {
			masked = masked.replace(secret, "<" + secret.substring(0, secret.lastIndexOf('-')) + " password>");
		}
		return masked;
	}

	private static List<String> scenarioNames(JsonNode report) {
		return report.path("tests")
			.values()
			.stream()
			.flatMap((test) -> test.path("scenarios").values().stream())
			.map((scenario) -> scenario.path("name").asString())
			.toList();
	}

}

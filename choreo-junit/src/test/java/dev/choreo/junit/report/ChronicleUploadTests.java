package dev.choreo.junit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Posting the finished report to Chronicle's ingest endpoint, against a real HTTP server
 * on loopback that answers as Chronicle does.
 */
class ChronicleUploadTests {

	private static final String TOKEN = "chr_s3cr3t-token-value";

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private HttpServer server;

	private URI base;

	@TempDir
	Path work;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.start();
		this.base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		this.log.start();
		Logger logger = (Logger) LoggerFactory.getLogger("dev.choreo.junit.report");
		logger.setLevel(Level.INFO);
		logger.addAppender(this.log);
	}

	@AfterEach
	void stopServer() {
		Logger logger = (Logger) LoggerFactory.getLogger("dev.choreo.junit.report");
		logger.detachAppender(this.log);
		logger.setLevel(null);
		this.release.countDown();
		this.server.stop(0);
		ChronicleUpload.configure(ChronicleSettings.OFF);
	}

	@Test
	void postsTheReportWithTheTokenTenantAndRunKeyAndLogsTheRunUrl() {
		answer((exchange) -> respond(exchange, 201, "{\"run_id\":\"42\",\"duplicate\":false}"));
		byte[] report = "{\"schema_version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);

		URI run = ChronicleUpload.post(settings("orders-team", "github-build-7"), report);

		assertThat(run).isEqualTo(URI.create(this.base + "/runs/42"));
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/v1/runs");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
			assertThat(request.header("X-chronicle-tenant")).isEqualTo("orders-team");
			assertThat(request.header("X-chronicle-run")).isEqualTo("github-build-7");
			assertThat(request.header("Content-type")).isEqualTo("application/json");
			assertThat(request.header("Idempotency-key")).hasSize(32);
			assertThat(request.body()).isEqualTo("{\"schema_version\":\"1.0\"}");
		});
		assertThat(messages()).containsExactly("Choreo report posted to Chronicle: " + this.base + "/runs/42");
	}

	@Test
	void retriesOnceWhenTheServerFailsAndThenSucceeds() {
		AtomicInteger calls = new AtomicInteger();
		answer((exchange) -> {
			if (calls.incrementAndGet() == 1) {
				respond(exchange, 503, "{\"title\":\"Service Unavailable\"}");
			}
			else {
				respond(exchange, 201, "{\"run_id\":\"7\"}");
			}
		});

		URI run = ChronicleUpload.post(settings("default", null), new byte[] { '{', '}' });

		assertThat(run).hasToString(this.base + "/runs/7");
		assertThat(this.requests).hasSize(2);
		assertThat(this.requests.get(0).header("X-chronicle-run")).isNull();
	}

	@Test
	void doesNotRetryARefusedReportAndLogsChroniclesReasonWithoutTheToken() {
		answer((exchange) -> respond(exchange, 422,
				"{\"title\":\"Unprocessable\",\"detail\":\"$.run: required property 'totals' not found\"}"));

		URI run = ChronicleUpload.post(settings("default", null), new byte[] { '{', '}' });

		assertThat(run).isNull();
		assertThat(this.requests).hasSize(1);
		assertThat(messages()).containsExactly("Choreo report not posted to Chronicle at " + this.base
				+ ": Chronicle answered 422: $.run: required property 'totals' not found; test outcomes are not affected");
		assertThat(String.join("\n", messages())).doesNotContain(TOKEN);
	}

	@Test
	void givesUpWithinItsBoundWhenChronicleNeverAnswers() {
		answer((exchange) -> {
			await(this.release);
			respond(exchange, 201, "{\"run_id\":\"late\"}");
		});
		ChronicleSettings settings = new ChronicleSettings(this.base, TOKEN, "default", null, Duration.ofMillis(300));

		URI run = ChronicleUpload.post(settings, new byte[] { '{', '}' });

		assertThat(run).isNull();
		assertThat(messages()).singleElement()
			.isEqualTo("Choreo report not posted to Chronicle at " + this.base
					+ ": no answer in time; test outcomes are not affected");
	}

	@Test
	void triesTwiceAndSaysSoWhenNothingListens() {
		this.server.stop(0);
		URI run = ChronicleUpload.post(settings("default", null), new byte[] { '{', '}' });

		assertThat(run).isNull();
		assertThat(messages()).singleElement()
			.asString()
			.startsWith("Choreo report not posted to Chronicle at " + this.base + ": it could not be reached (");
	}

	@Test
	void needsAToken() {
		answer((exchange) -> respond(exchange, 201, "{\"run_id\":\"1\"}"));
		ChronicleSettings settings = new ChronicleSettings(this.base, null, "default", null, Duration.ofSeconds(5));

		assertThat(ChronicleUpload.post(settings, new byte[] { '{', '}' })).isNull();
		assertThat(this.requests).isEmpty();
		assertThat(messages()).containsExactly("Choreo report not posted to Chronicle at " + this.base
				+ ": no token: set choreo.report.chronicle.token or the environment variable CHOREO_CHRONICLE_TOKEN"
				+ " to the tenant's ingest token; test outcomes are not affected");
	}

	@Test
	void aTestRunWithTheUrlSetPostsItsFinishedReport() throws Exception {
		answer((exchange) -> respond(exchange, 201, "{\"run_id\":\"99\"}"));
		Path directory = this.work.resolve("report");

		TestExecutionSummary summary = SampleRun.run(directory,
				Map.of(ChronicleSettings.URL, this.base.toString(), ChronicleSettings.TOKEN, TOKEN,
						ChronicleSettings.TENANT, "shop", ChronicleSettings.RUN_KEY, "ci-123"),
				SampleFixtures.Tiny.class);

		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request.header("X-chronicle-tenant")).isEqualTo("shop");
			assertThat(request.header("X-chronicle-run")).isEqualTo("ci-123");
			assertThat(request.body()).isEqualTo(Files.readString(directory.resolve("results.json")));
		});
		assertThat(messages()).contains("Choreo report posted to Chronicle: " + this.base + "/runs/99");
	}

	@Test
	void readsSettingsFromEnvironmentVariablesAndTakesTheRunKeyFromCi() {
		ChronicleSettings settings = ChronicleSettings.resolve((key) -> Optional.empty(),
				Map.of("CHOREO_CHRONICLE_URL", "http://chronicle.internal:8080/", "CHOREO_CHRONICLE_TOKEN", TOKEN,
						"CHOREO_CHRONICLE_TENANT", "payments", "CHOREO_CHRONICLE_TIMEOUT", "500ms", "GITHUB_RUN_ID",
						"991", "GITHUB_RUN_ATTEMPT", "2", "GITHUB_REPOSITORY", "acme/orders"));

		assertThat(settings.url()).hasToString("http://chronicle.internal:8080");
		assertThat(settings.token()).isEqualTo(TOKEN);
		assertThat(settings.tenant()).isEqualTo("payments");
		assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.runKey()).isEqualTo("github-acme/orders-991-2");
	}

	@Test
	void takesTheRunKeyFromGitLabAndJenkinsToo() {
		assertThat(ChronicleSettings.ciRunKey(Map.of("CI_PIPELINE_ID", "55", "CI_PROJECT_PATH", "acme/shop")))
			.isEqualTo("gitlab-acme/shop-55");
		assertThat(ChronicleSettings.ciRunKey(Map.of("BUILD_TAG", "jenkins-orders-12", "JENKINS_URL", "http://j")))
			.isEqualTo("jenkins-jenkins-orders-12");
		assertThat(ChronicleSettings.ciRunKey(Map.of())).isNull();
	}

	@Test
	void isOffWithoutAUrl() {
		assertThat(ChronicleSettings.resolve((key) -> Optional.empty(), Map.of()).enabled()).isFalse();
	}

	@Test
	void refusesSettingsItCannotUseWithAMessageThatSaysWhatToWrite() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChronicleSettings.resolve(
					(key) -> Optional.ofNullable(Map.of(ChronicleSettings.URL, "chronicle:8080").get(key)), Map.of()))
			.withMessage("choreo.report.chronicle.url must be the Chronicle server's http(s) base URL, such as"
					+ " http://localhost:8080");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChronicleSettings.resolve((key) -> Optional.empty(),
					Map.of("CHOREO_CHRONICLE_URL", "http://user:" + TOKEN + "@chronicle:8080")))
			.withMessage("choreo.report.chronicle.url must not carry credentials; set the token in"
					+ " choreo.report.chronicle.token or the environment variable CHOREO_CHRONICLE_TOKEN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChronicleSettings.resolve((key) -> Optional.empty(),
					Map.of("CHOREO_CHRONICLE_URL", "http://localhost:8080", "CHOREO_CHRONICLE_TIMEOUT", "soon")))
			.withMessage("choreo.report.chronicle.timeout must be a positive duration such as 10s or 500ms, got"
					+ " 'soon'");
	}

	private ChronicleSettings settings(String tenant, @Nullable String runKey) {
		return new ChronicleSettings(this.base, TOKEN, tenant, runKey, Duration.ofSeconds(10));
	}

	private void answer(Handler handler) {
		this.server.createContext("/", (exchange) -> {
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders()
						.entrySet()
						.stream()
						.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().get(0))),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			handler.handle(exchange);
		});
	}

	private List<String> messages() {
		return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	private record Request(String method, String path, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return this.headers.get(name);
		}

	}

}

package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opens the report of the sample suite in a real headless Chromium: what a person sees,
 * that hostile payloads stay text, and that the page makes no request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTests {

	static final Path SCREENSHOT = Path.of("target/choreo-report-screenshot.png");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@TempDir
	static Path work;

	static ChromeDriver driver;

	static JsonNode report;

	static Path html;

	@BeforeAll
	static void openTheReportOfTheSampleSuite() throws Exception {
		Chromium.assumeInstalled();
		Path directory = work.resolve("report");
		SampleRun.run(directory, SampleScenarios.class);
		report = ReportSchema.readValid(directory.resolve("results.json"));
		html = directory.resolve("index.html");
		driver = Chromium.find().start(work.resolve("chromium-profile"));
		driver.get(html.toUri().toString());
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until((d) -> "true".equals(d.findElement(By.id("choreo-app")).getDomAttribute("data-ready")));
	}

	@AfterAll
	static void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	@Order(1)
	void showsTheCountsOfTheRun() {
		JsonNode totals = report.path("run").path("totals");
		for (String outcome : List.of("passed", "failed", "errored", "skipped", "slow")) {
			assertThat(text("test-count-" + outcome)).as(outcome).isEqualTo(totals.path(outcome).asString());
		}
		assertThat(text("test-count-passed")).isEqualTo("3");
		assertThat(text("test-count-failed")).isEqualTo("3");
		assertThat(text("test-count-errored")).isEqualTo("1");
		assertThat(text("test-count-skipped")).isEqualTo("1");
		assertThat(text("test-count-slow")).isEqualTo("1");
		assertThat(text("scenario-count-pass")).isEqualTo("2");
		assertThat(text("scenario-count-fail")).isEqualTo("3");
		assertThat(text("scenario-count-timeout")).isEqualTo("1");
		assertThat(text("scenario-count-slow")).isEqualTo("1");
		assertThat(text("scenario-count-aborted")).isEqualTo("1");
		assertThat(text("summary-sentence")).startsWith("9 tests ran in");
		assertThat(text("latency-p50")).endsWith("ms");
		assertThat(driver.findElements(By.cssSelector("[data-testid='test']"))).hasSize(9);
		for (String field : List.of("run.project_name", "run.duration_ms", "run.started_at", "run.finished_at",
				"run.git_sha", "run.git_branch", "run.hostname", "run.environment", "run.transport",
				"run.allowlist_path", "run.java_version", "run.harness_version", "run.reporter_version",
				"run.forks.workers", "run.redactions", "run.truncated", "run.totals.passed", "run.totals.failed",
				"run.totals.errored", "run.totals.skipped", "run.totals.slow", "run.totals.total", "latency.p50",
				"latency.p95", "latency.p99")) {
			assertThat(driver.findElements(By.cssSelector("[data-field='" + field + "']"))).as(field).isNotEmpty();
		}
		assertThat(driver.findElement(By.cssSelector("[data-field='run.transport']")).getText())
			.isEqualTo("audit-bus, orders-bus");
	}

	@Test
	@Order(2)
	void putsFailingTestsFirstWithTheirFailingScenariosOpen() {
		List<WebElement> tests = driver.findElements(By.cssSelector("[data-testid='test']"));
		assertThat(tests.get(0).getDomAttribute("data-outcome")).isEqualTo("failed");
		WebElement failing = scenario("payment captured");
		assertThat(failing.findElement(By.cssSelector("[data-testid='scenario-body']")).isDisplayed()).isTrue();
		assertThat(failing.findElements(By.cssSelector("[data-testid='waterfall-bar']"))).isNotEmpty();
	}

	@Test
	@Order(3)
	void expandingAFailingScenarioShowsItsWaterfallAndDiff() {
		click("collapse-all");
		WebElement failing = scenario("payment captured");
		WebElement body = failing.findElement(By.cssSelector("[data-testid='scenario-body']"));
		assertThat(body.isDisplayed()).isFalse();
		WebElement test = failing.findElement(By.xpath("ancestor::article[@data-testid='test']"));
		test.findElement(By.cssSelector("[data-testid='test-toggle']")).click();
		failing.findElement(By.cssSelector("[data-testid='scenario-toggle']")).click();
		assertThat(body.isDisplayed()).isTrue();
		List<WebElement> bars = body.findElements(By.cssSelector("[data-testid='waterfall-bar']"));
		assertThat(bars).hasSizeGreaterThanOrEqualTo(4);
		assertThat(bars).allSatisfy((bar) -> assertThat(bar.isDisplayed()).isTrue());
		assertThat(body.findElements(By.cssSelector("[data-testid='waterfall-row']"))
			.stream()
			.map((row) -> row.getDomAttribute("data-action"))
			.toList()).contains("published", "received", "mismatched", "deadline");
		WebElement status = body.findElement(By.cssSelector("[data-testid='diff-row'][data-path='status']"));
		assertThat(status.getDomAttribute("data-status")).isEqualTo("differ");
		assertThat(status.getText()).contains("\"CAPTURED\"").contains("\"PENDING\"");
		WebElement password = body.findElement(By.cssSelector("[data-testid='diff-row'][data-path='password']"));
		assertThat(password.getText()).contains("<redacted>").doesNotContain("hunter2");
		WebElement dotted = body.findElement(By.cssSelector("[data-testid='diff-row'][data-path='[\"trace.id\"]']"));
		assertThat(dotted.getDomAttribute("data-status")).isEqualTo("extra");
		assertThat(dotted.getText()).contains("[\"trace.id\"]").contains("\"t-1\"");
		assertThat(body.findElement(By.cssSelector("[data-testid='matcher']")).getText())
			.isEqualTo("fieldEquals(\"status\", \"CAPTURED\")");
		assertThat(body.findElement(By.cssSelector("[data-testid='reason']")).getText())
			.isEqualTo("at status: expected \"CAPTURED\", got \"PENDING\"");
		assertThat(body.findElement(By.cssSelector("[data-testid='diagnosis']")).getDomAttribute("data-kind"))
			.isEqualTo("near_miss");
		click("expand-all");
	}

	@Test
	@Order(3)
	void showsBytesAsTheFailureTextsDo() {
		WebElement receipt = scenario("receipt printed");
		WebElement row = receipt.findElement(By.cssSelector("[data-testid='diff-row'][data-path='<root>']"));
		assertThat(row.findElement(By.cssSelector("[data-testid='diff-actual']")).getText())
			.isEqualTo("<21 bytes: \"receipt PAY-1 pending\">");
		assertThat(row.findElement(By.cssSelector(".cr-d-expected")).getText())
			.isEqualTo("{\n  \"payloadContains\": \"PAY-1 settled\"\n}");
		assertThat(receipt.findElement(By.cssSelector("[data-testid='matcher']")).getText())
			.isEqualTo("payloadContains(\"PAY-1 settled\")");
	}

	@Test
	@Order(4)
	void showsAReplyLifecycle() {
		WebElement reply = scenario("fraud check replies").findElement(By.cssSelector("[data-testid='reply']"));
		assertThat(reply.getDomAttribute("data-state")).isEqualTo("replied");
		assertThat(reply.findElement(By.cssSelector("[data-testid='reply-candidates']")).getText()).isEqualTo("1");
		assertThat(reply.findElement(By.cssSelector("[data-testid='reply-matches']")).getText()).isEqualTo("1");
		assertThat(reply.getText()).contains("fieldEquals(\"account\", <value>)").doesNotContain("ACME-1");
	}

	@Test
	@Order(4)
	void marksAnExpectNoneAndAnAbortedScenario() {
		WebElement settles = scenario("order settles");
		WebElement none = settles.findElements(By.cssSelector("[data-testid='handle']"))
			.stream()
			.filter((handle) -> !handle.findElements(By.cssSelector("[data-testid='expect-none']")).isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(none.findElement(By.cssSelector("[data-testid='expect-none']")).getDomProperty("textContent"))
			.isEqualTo("expected none");
		assertThat(none.findElement(By.cssSelector("[data-testid='diagnosis']")).getDomAttribute("data-kind"))
			.isEqualTo("nothing_arrived");
		assertThat(none.findElements(By.cssSelector("[data-testid='budget']"))).isEmpty();
		WebElement aborted = scenario("stock reserved");
		assertThat(aborted.getDomAttribute("data-outcome")).isEqualTo("aborted");
		assertThat(
				aborted.findElement(By.cssSelector("[data-testid='scenario-outcome']")).getDomProperty("textContent"))
			.isEqualTo("aborted");
	}

	@Test
	@Order(5)
	void showsHostilePayloadsAsTextAndRunsNothing() {
		WebElement hostile = scenario("notes " + SampleScenarios.HOSTILE_SCRIPT);
		assertThat(hostile.findElement(By.cssSelector("[data-testid='scenario-name']")).getText())
			.isEqualTo("notes <script>alert(1)</script>");
		assertThat(hostile.findElement(By.cssSelector("[data-testid='diff-row'][data-path='note']")).getText())
			.contains(SampleScenarios.HOSTILE_SCRIPT);
		assertThat(hostile.findElement(By.cssSelector("[data-testid='diff-row'][data-path='html']")).getText())
			.contains(SampleScenarios.HOSTILE_IMG);
		assertThat(driver.findElements(By.cssSelector("[data-testid='test-name']")).stream().map(WebElement::getText))
			.contains("hostile <img src=x onerror=alert(3)> payloads");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> driver.switchTo().alert());
		assertThat(driver.findElements(By.tagName("img"))).isEmpty();
		assertThat(driver.findElements(By.tagName("b"))).isEmpty();
		assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
		assertThat(driver.findElements(By.cssSelector("[onerror], [onload], [onclick]"))).isEmpty();
		assertThat(driver.executeScript("return typeof window.alert === 'function' && document.title"))
			.isEqualTo("sample-shop · Choreo test report");
	}

	@Test
	@Order(6)
	void makesNoRequestBeyondThePageItself() throws Exception {
		Object resources = driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
		assertThat((List<?>) resources).isEmpty();
		String page = html.toUri().toString();
		List<String> fromPage = new ArrayList<>();
		List<String> toNetwork = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = mapper.readTree(entry.getMessage()).path("message");
			if (message.path("method").asString("").equals("Network.requestWillBeSent")) {
				String url = message.path("params").path("request").path("url").asString("");
				if (page.equals(message.path("params").path("documentURL").asString(""))) {
					fromPage.add(url);
				}
				if (url.matches("(?i)(https?|wss?|ftp):.*")) {
					toNetwork.add(url);
				}
			}
		}
		assertThat(fromPage).contains(page)
			.allSatisfy((url) -> assertThat(url.equals(page) || url.startsWith("data:"))
				.as("only the page itself is loaded, not %s", url)
				.isTrue());
		assertThat(toNetwork).isEmpty();
		assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
			.noneSatisfy((entry) -> assertThat(entry.getMessage()).contains("Content Security Policy"));
	}

	@Test
	@Order(7)
	void filtersBySearch() {
		WebElement search = driver.findElement(By.cssSelector("[data-testid='search']"));
		search.sendKeys("fraud");
		assertThat(text("shown")).isEqualTo("showing 1 of 9 tests");
		search.clear();
		search.sendKeys(" ");
		search.clear();
		click("test-filter-passed");
		assertThat(driver.findElements(By.cssSelector("[data-testid='test'][data-outcome='passed']")))
			.allSatisfy((test) -> assertThat(test.isDisplayed()).isFalse());
		click("test-filter-passed");
	}

	@Test
	@Order(8)
	void savesAScreenshot() throws Exception {
		driver.navigate().refresh();
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until((d) -> "true".equals(d.findElement(By.id("choreo-app")).getDomAttribute("data-ready")));
		Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
		Files.write(Path.of("target/choreo-report-screenshot-top.png"), driver.getScreenshotAs(OutputType.BYTES));
		Files.write(Path.of("target/choreo-report-screenshot-scenario.png"),
				scenario("payment captured").getScreenshotAs(OutputType.BYTES));
		long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(1360, (int) Math.min(8000, height + 40)));
		Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
		driver.findElement(By.cssSelector("[data-testid='test'][data-nodeid$='#a1OrderSettles()']"))
			.findElement(By.cssSelector("[data-testid='test-toggle']"))
			.click();
		WebElement reply = scenario("order settles");
		reply.findElement(By.cssSelector("[data-testid='scenario-toggle']")).click();
		driver.executeScript("arguments[0].scrollIntoView()", reply);
		Files.write(Path.of("target/choreo-report-screenshot-reply.png"), reply.getScreenshotAs(OutputType.BYTES));
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	private static WebElement scenario(String name) {
		for (WebElement scenario : driver.findElements(By.cssSelector("[data-testid='scenario']"))) {
			String shown = scenario.findElement(By.cssSelector("[data-testid='scenario-name']"))
				.getDomProperty("textContent");
			if (name.equals(shown)) {
				return scenario;
			}
		}
		throw new AssertionError("no scenario named " + name);
	}

	private static void click(String testId) {
		driver.findElement(By.cssSelector("[data-testid='" + testId + "']")).click();
	}

	private static String text(String testId) {
		return driver.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText();
	}

}

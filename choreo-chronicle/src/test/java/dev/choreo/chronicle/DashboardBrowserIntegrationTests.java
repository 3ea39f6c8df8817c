package dev.choreo.chronicle;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard view in a real headless Chromium against a Chronicle on the real
 * PostgreSQL, filled with generated history through the API: charts with data points,
 * filters, resolving an anomaly, a run arriving live, hostile names that stay text, and
 * no request to another host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTests extends ApiIntegrationTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String HOSTILE_TEST = "checkout <img src=x onerror=window.__xss=1> flow";

	static final String HOSTILE_SCENARIO = "pays <script>window.__xss=2</script> order";

	static final String ORDERS = "orders.created";

	static final String PAYMENTS = "payments/captured";

	@TempDir
	static Path work;

	ChromeDriver driver;

	String tenant;

	String token;

	String readToken;

	long hostileRun;

	long otherTenantRun;

	@BeforeAll
	void fillHistoryAndSignIn() throws IOException {
		DashboardChromium.assumeInstalled();
		Api api = api();
		this.tenant = uniqueTenant("dash");
		this.token = api.newTenant(this.tenant);
		this.readToken = api.newToken(this.tenant, "read");
		Instant now = Instant.now();
		for (int i = 0; i < 8; i++) {
			post(api, this.token,
					run(now.minus(Duration.ofHours(20 - i)), "main", "ci", 20 + (i % 3), 40 + i, (i % 4 == 3) ? 1 : 0));
		}
		ObjectNode hostile = run(now.minus(Duration.ofHours(11)), "feature-x", "staging", 22, 45, 0);
		hostile.withArray("tests").get(0).asObject().put("name", HOSTILE_TEST);
		hostile.withArray("tests").get(0).get("scenarios").get(0).asObject().put("name", HOSTILE_SCENARIO);
		this.hostileRun = post(api, this.token, hostile);
		post(api, this.token, run(now.minus(Duration.ofHours(10)), "main", "ci", 400, 46, 0));
		String other = api.newTenant(uniqueTenant("dash-other"));
		this.otherTenantRun = post(api, other, run(now.minus(Duration.ofHours(5)), "secret-branch", "ci", 20, 40, 0));
		Files.createDirectories(SCREENSHOTS);
		this.driver = DashboardChromium.start(work.resolve("chromium-profile"));
		this.driver.get(api.base() + "/runs");
		assertThat(this.driver.getCurrentUrl()).contains("/login?next=/runs");
		this.driver.findElement(By.id("token")).sendKeys(this.token);
		load(this.driver.findElement(By.cssSelector("[data-testid='login-submit']")));
	}

	@AfterAll
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private static ObjectNode run(Instant startedAt, String branch, String environment, double ordersMs,
			double paymentsMs, int failed) {
		ObjectNode report = Reports.report()
			.startedAt(startedAt)
			.branch(branch)
			.environment(environment)
			.scenarios(3, new Reports.Handle(ORDERS, (ordersMs > 100) ? "slow" : "pass", ordersMs, 100.0),
					Reports.pass(PAYMENTS, paymentsMs))
			.scenario(new Reports.Handle(ORDERS, (ordersMs > 100) ? "slow" : "pass", ordersMs + 3, 100.0),
					Reports.pass(PAYMENTS, paymentsMs + 2))
			.node();
		ObjectNode totals = report.withObject("run").withObject("totals");
		totals.put("failed", failed);
		totals.put("total", totals.path("passed").asInt() + failed);
		return report;
	}

	private static long post(Api api, String token, JsonNode report) {
		Api.Response response = api.postReport(token, report.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("run_id").asLong();
	}

	@Test
	@Order(1)
	void runsPageChartsEveryRunAndListsThemWithBranchCommitEnvironmentAndCounts() throws IOException {
		open("/runs");
		assertThat(rows()).hasSize(10);
		for (String chart : List.of("chart-pass-rate", "chart-failures", "chart-duration")) {
			WebElement node = testId(chart);
			assertThat(node.getDomAttribute("data-points")).as(chart).isEqualTo("10");
			assertThat(node.findElements(By.tagName("canvas"))).as(chart).isNotEmpty();
		}
		assertThat(testId("tenant").getText()).isEqualTo(this.tenant);
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='run-branch']"))
			.stream()
			.map(WebElement::getText)).containsOnly("main", "feature-x");
		screenshot("chronicle-runs");
	}

	@Test
	@Order(2)
	void runFiltersChangeTheTableAndTheCharts() {
		open("/runs");
		new Select(testId("filter-branch")).selectByVisibleText("feature-x");
		load(testId("filter-apply"));
		assertThat(this.driver.getCurrentUrl()).contains("branch=feature-x");
		assertThat(rows()).hasSize(1);
		assertThat(testId("chart-pass-rate").getDomAttribute("data-points")).isEqualTo("1");
		new Select(testId("filter-branch")).selectByVisibleText("All branches");
		new Select(testId("filter-environment")).selectByVisibleText("ci");
		load(testId("filter-apply"));
		assertThat(rows()).hasSize(9);
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='run-environment']"))
			.stream()
			.map(WebElement::getText)).containsOnly("ci");
	}

	@Test
	@Order(3)
	void runDetailRendersTheStoredReportWithTheReportsOwnScriptAndKeepsHostileNamesAsText() throws IOException {
		open("/runs/" + this.hostileRun);
		new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until((d) -> "true".equals(d.findElement(By.id("choreo-app")).getDomAttribute("data-ready")));
		assertThat(testId("run-detail-branch").getText()).isEqualTo("feature-x");
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='run-topic-row']"))).hasSize(2);
		assertThat(
				this.driver.findElements(By.cssSelector("[data-testid='test-name']")).stream().map(WebElement::getText))
			.anySatisfy((name) -> assertThat(name).startsWith(HOSTILE_TEST));
		this.driver.findElements(By.cssSelector("[data-testid='test-toggle']")).forEach(WebElement::click);
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='scenario-name']"))
			.stream()
			.map((node) -> node.getDomProperty("textContent")))
			.anySatisfy((name) -> assertThat(name).contains(HOSTILE_SCENARIO));
		List<WebElement> scenario = this.driver.findElements(By.cssSelector("[data-testid='scenario-toggle']"));
		scenario.get(0).click();
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='waterfall-bar']"))).isNotEmpty();
		assertThat(this.driver.executeScript("return typeof window.__xss")).isEqualTo("undefined");
		assertThat(this.driver.findElements(By.cssSelector("#choreo-app img, #choreo-app script"))).isEmpty();
		screenshot("chronicle-run");
	}

	@Test
	@Order(4)
	void topicsPageShowsLatestPercentilesReliabilityAndASparklinePerTopic() throws IOException {
		open("/topics");
		List<WebElement> rows = this.driver.findElements(By.cssSelector("[data-testid='topic-row']"));
		assertThat(rows.stream().map((row) -> row.getDomAttribute("data-topic"))).containsExactly(ORDERS, PAYMENTS);
		WebElement orders = rows.get(0);
		assertThat(orders.findElement(By.cssSelector("[data-testid='topic-p50']")).getText()).isEqualTo("400.0");
		assertThat(orders.findElement(By.cssSelector("[data-testid='topic-reliability']")).getText())
			.isEqualTo("0.0 %");
		assertThat(rows.get(1).findElement(By.cssSelector("[data-testid='topic-reliability']")).getText())
			.isEqualTo("100.0 %");
		for (WebElement row : rows) {
			WebElement spark = row.findElement(By.cssSelector("[data-testid='sparkline']"));
			assertThat(spark.getDomAttribute("data-points")).isEqualTo("10");
			assertThat(spark.findElements(By.tagName("canvas"))).isNotEmpty();
		}
		screenshot("chronicle-topics");
	}

	@Test
	@Order(5)
	void topicPageChartsPercentilesWithTheBudgetAndListsItsRunsAndAnomalies() throws IOException {
		open("/topics");
		load(this.driver.findElement(By.linkText(ORDERS)));
		assertThat(testId("topic-title").getText()).isEqualTo(ORDERS);
		WebElement chart = testId("chart-latency");
		assertThat(chart.getDomAttribute("data-resolution")).isEqualTo("hourly");
		assertThat(chart.getDomAttribute("data-budget")).isEqualTo("100");
		assertThat(Integer.parseInt(chart.getDomAttribute("data-points"))).isEqualTo(3 * 10 + 10);
		assertThat(testId("budget").getText()).isEqualTo("100.0 ms");
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='topic-run-row']"))).hasSize(10);
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='topic-anomaly']"))).isNotEmpty();
		new Select(testId("filter-days")).selectByVisibleText("Last day");
		load(this.driver.findElement(By.cssSelector("form.ch-filters button")));
		assertThat(testId("chart-latency").getDomAttribute("data-resolution")).isEqualTo("raw");
		screenshot("chronicle-topic");
	}

	@Test
	@Order(5)
	void aTopicWithSlashesInItsNameOpensFromTheListAndKeepsItsFilters() {
		open("/topics");
		load(this.driver.findElement(By.linkText(PAYMENTS)));
		assertThat(testId("topic-title").getText()).isEqualTo(PAYMENTS);
		assertThat(this.driver.getCurrentUrl()).endsWith("/topics/" + PAYMENTS);
		assertThat(Integer.parseInt(testId("chart-latency").getDomAttribute("data-points"))).isPositive();
		new Select(testId("filter-days")).selectByVisibleText("Last day");
		load(this.driver.findElement(By.cssSelector("form.ch-filters button")));
		assertThat(testId("topic-title").getText()).isEqualTo(PAYMENTS);
		assertThat(testId("chart-latency").getDomAttribute("data-resolution")).isEqualTo("raw");
	}

	@Test
	@Order(6)
	void compareDrawsEveryChosenTopicOnOneChart() throws IOException {
		open("/compare");
		assertThat(testId("compare-empty").isDisplayed()).isTrue();
		this.driver.findElements(By.cssSelector("[data-testid='compare-topic']")).forEach(WebElement::click);
		load(testId("compare-apply"));
		assertThat(URLDecoder.decode(this.driver.getCurrentUrl(), StandardCharsets.UTF_8)).contains("topic=" + ORDERS)
			.contains("topic=" + PAYMENTS);
		WebElement chart = testId("chart-compare");
		assertThat(chart.getDomAttribute("data-series")).isEqualTo("2");
		assertThat(chart.getDomAttribute("data-points")).isEqualTo("20");
		screenshot("chronicle-compare");
	}

	@Test
	@Order(7)
	void anomaliesAreFilteredAndOneIsResolvedWithAReasonFromThePage() throws IOException {
		open("/anomalies");
		List<WebElement> open = anomalies();
		assertThat(open).isNotEmpty();
		assertThat(open.stream().map((a) -> a.findElement(By.cssSelector("[data-testid='anomaly-topic']")).getText()))
			.contains(ORDERS);
		new Select(testId("filter-severity")).selectByVisibleText("Critical");
		load(testId("anomaly-filter-apply"));
		assertThat(anomalies()).allSatisfy((a) -> assertThat(a.getDomAttribute("data-severity")).isEqualTo("critical"));
		screenshot("chronicle-anomalies");
		open("/anomalies");
		WebElement first = anomalies().get(0);
		String id = first.getDomAttribute("data-anomaly-id");
		first.findElement(By.cssSelector("[data-testid='resolve-by']")).sendKeys("Ada");
		first.findElement(By.cssSelector("[data-testid='resolve-note']")).sendKeys("Known slow disk on the CI host");
		load(first.findElement(By.cssSelector("[data-testid='resolve-submit']")));
		assertThat(testId("message").getText()).isEqualTo("Anomaly " + id + " resolved.");
		assertThat(anomalies().stream().map((a) -> a.getDomAttribute("data-anomaly-id"))).doesNotContain(id);
		open("/anomalies?status=resolved");
		WebElement resolved = this.driver.findElement(By.cssSelector("[data-anomaly-id='" + id + "']"));
		assertThat(resolved.findElement(By.cssSelector("[data-testid='anomaly-resolution']")).getText())
			.isEqualTo("Resolved by Ada: Known slow disk on the CI host");
	}

	@Test
	@Order(8)
	void aRunPostedWhileThePageIsOpenAppearsWithoutAReload() {
		open("/runs");
		new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until((d) -> "open".equals(testId("live-status").getDomAttribute("data-state")));
		this.driver.executeScript("window.__sameDocument = true");
		long id = post(api(), this.token, run(Instant.now().minusSeconds(5), "main", "ci", 21, 41, 0));
		WebElement row = new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until((d) -> d.findElements(By.cssSelector("[data-testid='run-row'][data-run-id='" + id + "']"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(row.findElement(By.cssSelector("[data-testid='run-branch']")).getText()).isEqualTo("main");
		assertThat(this.driver.executeScript("return window.__sameDocument")).isEqualTo(true);
		assertThat(testId("toasts").getText()).contains("New run #" + id);
	}

	@Test
	@Order(9)
	void pagesReadOnlyTheSignedInTenant() {
		this.driver.get(api().base() + "/runs/" + this.otherTenantRun);
		assertThat(this.driver.getPageSource()).doesNotContain("secret-branch");
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='run-title']"))).isEmpty();
		assertThat(testId("error-status").getText()).isEqualTo("404");
		assertThat(testId("error-message").getText()).isEqualTo("No run " + this.otherTenantRun);
		Api.Response response = api().get("/runs", null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.raw().headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?next=/runs"));
	}

	@Test
	@Order(10)
	void aReadTokenSeesAnomaliesButCannotResolveThem() {
		open("/runs");
		load(this.driver.findElement(By.cssSelector(".ch-logout button")));
		this.driver.findElement(By.id("token")).sendKeys(this.readToken);
		load(this.driver.findElement(By.cssSelector("[data-testid='login-submit']")));
		open("/anomalies");
		assertThat(anomalies()).isNotEmpty();
		assertThat(testId("read-only").getText())
			.isEqualTo("This session has a read token: resolving anomalies needs an ingest token.");
		assertThat(this.driver.findElements(By.cssSelector("[data-testid='resolve-form']"))).isEmpty();
	}

	@Test
	@Order(11)
	void pagesFitAPhoneWidth() throws IOException {
		this.driver.manage().window().setSize(new Dimension(390, 844));
		try {
			for (String path : List.of("/runs", "/topics", "/topics/" + ORDERS, "/anomalies")) {
				open(path);
				assertThat(
						this.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
					.as(path)
					.isEqualTo(true);
			}
			screenshot("chronicle-topic-phone");
		}
		finally {
			this.driver.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

	@Test
	@Order(12)
	void noRequestLeavesForAnotherHostAndTheContentSecurityPolicyBlocksNothing() throws IOException {
		String base = api().base();
		List<String> elsewhere = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = Api.mapper.readTree(entry.getMessage()).path("message");
			if (message.path("method").asString("").equals("Network.requestWillBeSent")) {
				String url = message.path("params").path("request").path("url").asString("");
				if (url.matches("(?i)(https?|wss?|ftp):.*") && !url.startsWith(base + "/")) {
					elsewhere.add(url);
				}
			}
		}
		assertThat(elsewhere).isEmpty();
		assertThat(this.driver.manage().logs().get(LogType.BROWSER).getAll())
			.noneSatisfy((entry) -> assertThat(entry.getMessage()).contains("Content Security Policy"));
		Api.Response page = api().get("/login", null);
		assertThat(page.raw().headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe"));
	}

	private void open(String path) {
		this.driver.get(api().base() + path);
		ready();
	}

	private void ready() {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until((d) -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	/**
	 * Click a link or a form's button and wait for the page it loads: the old page is
	 * gone first, so its own ready mark is never taken for the new one's.
	 */
	private void load(WebElement element) {
		WebElement page = this.driver.findElement(By.tagName("body"));
		element.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
		ready();
	}

	private WebElement testId(String id) {
		return this.driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
	}

	private List<WebElement> rows() {
		return this.driver.findElements(By.cssSelector("[data-testid='run-row']"));
	}

	private List<WebElement> anomalies() {
		return this.driver.findElements(By.cssSelector("[data-testid='anomaly']"));
	}

	private void screenshot(String name) throws IOException {
		Path file = this.driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}

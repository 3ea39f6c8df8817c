package dev.choreo.junit.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium (or Google Chrome) and its ChromeDriver, driven by Selenium without
 * letting it download anything. The browser is the one {@code -Dchoreo.chromium} or
 * {@code CHOREO_CHROMIUM} names, or else the first of {@code chromium},
 * {@code chromium-browser}, {@code google-chrome}, {@code google-chrome-stable} and
 * {@code chrome} on the {@code PATH}; the driver the one {@code -Dchoreo.chromedriver} or
 * {@code CHOREO_CHROMEDRIVER} names, or else {@code chromedriver} in
 * {@code $CHROMEWEBDRIVER} (as on GitHub's runners) or on the {@code PATH}. When they are
 * missing the calling test is skipped, unless the system property
 * {@code choreo.e2e.required} is {@code true}: then it fails.
 */
final class Chromium {

	static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable", "chrome");

	private static final String HOW_TO_INSTALL = "; apt-get install -y chromium chromium-driver, or name them with"
			+ " -Dchoreo.chromium and -Dchoreo.chromedriver (CHOREO_CHROMIUM and CHOREO_CHROMEDRIVER)";

	private final @Nullable Path binary;

	private final @Nullable Path driver;

	private Chromium(@Nullable Path binary, @Nullable Path driver) {
		this.binary = binary;
		this.driver = driver;
	}

	/**
	 * Finds the browser and the driver on this machine.
	 * @return what was found
	 */
	static Chromium find() {
		return find(System::getProperty, System::getenv);
	}

	/**
	 * Finds the browser and the driver from the given system properties and environment.
	 * @param properties the system properties
	 * @param environment the environment variables
	 * @return what was found
	 */
	static Chromium find(UnaryOperator<@Nullable String> properties, UnaryOperator<@Nullable String> environment) {
		List<Path> path = searchPath(environment.apply("PATH"));
		Path binary = setting(properties.apply("choreo.chromium"), environment.apply("CHOREO_CHROMIUM"));
		if (binary == null) {
			binary = BROWSER_NAMES.stream()
				.flatMap((name) -> path.stream().map((directory) -> directory.resolve(name)))
				.filter(Files::isExecutable)
				.findFirst()
				.orElse(null);
		}
		Path driver = setting(properties.apply("choreo.chromedriver"), environment.apply("CHOREO_CHROMEDRIVER"));
		if (driver == null) {
			String webDriverDirectory = environment.apply("CHROMEWEBDRIVER");
			List<Path> candidates = (webDriverDirectory != null && !webDriverDirectory.isBlank())
					? concat(Path.of(webDriverDirectory), path) : path;
			driver = candidates.stream()
				.map((directory) -> directory.resolve("chromedriver"))
				.filter(Files::isExecutable)
				.findFirst()
				.orElse(null);
		}
		return new Chromium(binary, driver);
	}

	static void assumeInstalled() {
		find().assumeInstalled(Boolean.getBoolean("choreo.e2e.required"));
	}

	/**
	 * Skips the calling test (or fails it, when required) unless both the browser and the
	 * driver were found and are executable.
	 * @param required whether a missing browser fails the test
	 */
	void assumeInstalled(boolean required) {
		if (this.binary != null && Files.isExecutable(this.binary) && this.driver != null
				&& Files.isExecutable(this.driver)) {
			return;
		}
		String reason = "headless Chromium is not installed (browser: "
				+ describe(this.binary, String.join(", ", BROWSER_NAMES) + " on the PATH") + "; driver: "
				+ describe(this.driver, "chromedriver in $CHROMEWEBDRIVER or on the PATH") + HOW_TO_INSTALL + ")";
		if (required) {
			throw new AssertionError(reason + ", and choreo.e2e.required is true");
		}
		Assumptions.abort(reason);
	}

	@Nullable Path binary() {
		return this.binary;
	}

	@Nullable Path driver() {
		return this.driver;
	}

	ChromeDriver start(Path userDataDir) throws IOException {
		assumeInstalled(true);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(this.binary.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
				"--disable-default-apps", "--window-size=1360,1000", "--force-device-scale-factor=1",
				"--user-data-dir=" + Files.createDirectories(userDataDir));
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
		options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(this.driver.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		return new ChromeDriver(service, options);
	}

	private static String describe(@Nullable Path found, String lookedFor) {
		if (found == null) {
			return "none of " + lookedFor;
		}
		return Files.isExecutable(found) ? found.toString() : found + " is not an executable file";
	}

	private static @Nullable Path setting(@Nullable String property, @Nullable String variable) {
		String value = (property != null && !property.isBlank()) ? property : variable;
		return (value != null && !value.isBlank()) ? Path.of(value) : null;
	}

	private static List<Path> searchPath(@Nullable String path) {
		if (path == null || path.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(Path::of)
			.toList();
	}

	private static List<Path> concat(Path first, List<Path> rest) {
		List<Path> all = new java.util.ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

}

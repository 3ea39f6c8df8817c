package dev.choreo.chronicle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages, driven by Selenium without letting it
 * download anything, as the report's browser test starts it. The binary and driver are
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} unless the system
 * properties {@code choreo.chromium} and {@code choreo.chromedriver} (or the environment
 * variables {@code CHOREO_CHROMIUM} and {@code CHOREO_CHROMEDRIVER}) say otherwise. When
 * they are missing the test is skipped, unless {@code choreo.e2e.required} is
 * {@code true}: then it fails.
 */
final class DashboardChromium {

	static final Path BINARY = Path.of(setting("choreo.chromium", "CHOREO_CHROMIUM", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(setting("choreo.chromedriver", "CHOREO_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private DashboardChromium() {
	}

	static void assumeInstalled() {
		if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
			return;
		}
		String reason = "headless Chromium is not installed (" + BINARY + " and " + DRIVER
				+ "; apt-get install -y chromium chromium-driver, or set CHOREO_CHROMIUM and CHOREO_CHROMEDRIVER)";
		if (Boolean.getBoolean("choreo.e2e.required")) {
			throw new AssertionError(reason + ", and choreo.e2e.required is true");
		}
		Assumptions.abort(reason);
	}

	static ChromeDriver start(Path userDataDir) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
				"--disable-default-apps", "--window-size=1280,1000", "--force-device-scale-factor=1",
				"--user-data-dir=" + Files.createDirectories(userDataDir));
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
		options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		return new ChromeDriver(service, options);
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}

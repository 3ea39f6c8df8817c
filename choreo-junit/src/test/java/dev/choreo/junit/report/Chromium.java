package dev.choreo.junit.report;

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
 * Headless Chromium from the system packages ({@code chromium} and
 * {@code chromium-driver}), driven by Selenium without letting it download anything. When
 * they are missing the calling test is skipped, unless the system property
 * {@code choreo.e2e.required} is {@code true}: then it fails.
 */
final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	static void assumeInstalled() {
		assumeInstalled(BINARY, DRIVER, Boolean.getBoolean("choreo.e2e.required"));
	}

	static void assumeInstalled(Path binary, Path driver, boolean required) {
		if (Files.isExecutable(binary) && Files.isExecutable(driver)) {
			return;
		}
		String reason = "headless Chromium is not installed (" + binary + " and " + driver
				+ "; apt-get install -y chromium chromium-driver)";
		if (required) {
			throw new AssertionError(reason + ", and choreo.e2e.required is true");
		}
		Assumptions.abort(reason);
	}

	static ChromeDriver start(Path userDataDir) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
				"--disable-default-apps", "--window-size=1360,1000", "--force-device-scale-factor=1",
				"--user-data-dir=" + Files.createDirectories(userDataDir));
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
		options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		return new ChromeDriver(service, options);
	}

}

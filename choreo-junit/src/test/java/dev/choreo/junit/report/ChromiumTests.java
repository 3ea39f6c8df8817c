package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ChromiumTests {

	@TempDir
	Path machine;

	private final Map<String, String> properties = new HashMap<>();

	private final Map<String, String> environment = new HashMap<>();

	@Test
	void skipsTheBrowserTestWithTheReasonWhenChromiumIsMissing() {
		this.environment.put("PATH", this.machine.resolve("bin").toString());
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> find().assumeInstalled(false))
			.withMessageContaining("headless Chromium is not installed (browser: none of chromium, chromium-browser,"
					+ " google-chrome, google-chrome-stable, chrome on the PATH; driver: none of chromedriver in"
					+ " $CHROMEWEBDRIVER or on the PATH")
			.withMessageContaining("apt-get install -y chromium chromium-driver, or name them with"
					+ " -Dchoreo.chromium and -Dchoreo.chromedriver (CHOREO_CHROMIUM and CHOREO_CHROMEDRIVER)");
	}

	@Test
	void failsTheBrowserTestWhenChromiumIsMissingButRequired() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> find().assumeInstalled(true))
			.withMessageEndingWith(", and choreo.e2e.required is true");
	}

	@Test
	void usesTheBrowserAndDriverTheSystemPropertiesName() throws IOException {
		Path chrome = executable("opt/chrome/chrome");
		Path driver = executable("opt/chrome/driver");
		this.environment.put("PATH", executable("bin/chromium").getParent().toString());
		this.environment.put("CHOREO_CHROMIUM", executable("env/chromium").toString());
		this.properties.put("choreo.chromium", chrome.toString());
		this.properties.put("choreo.chromedriver", driver.toString());
		Chromium found = find();
		assertThat(found.binary()).isEqualTo(chrome);
		assertThat(found.driver()).isEqualTo(driver);
		assertThatNoException().isThrownBy(() -> found.assumeInstalled(true));
	}

	@Test
	void usesTheBrowserAndDriverTheEnvironmentNames() throws IOException {
		Path chrome = executable("opt/chrome/chrome");
		Path driver = executable("opt/chrome/driver");
		this.environment.put("CHOREO_CHROMIUM", chrome.toString());
		this.environment.put("CHOREO_CHROMEDRIVER", driver.toString());
		Chromium found = find();
		assertThat(found.binary()).isEqualTo(chrome);
		assertThat(found.driver()).isEqualTo(driver);
	}

	@Test
	void findsGoogleChromeOnThePathAndTheDriverInChromeWebDriverAsOnGitHubRunners() throws IOException {
		Path chrome = executable("usr/bin/google-chrome");
		Path driver = executable("usr/local/share/chromedriver-linux64/chromedriver");
		executable("usr/local/bin/chromedriver");
		this.environment.put("PATH",
				this.machine.resolve("usr/local/bin") + java.io.File.pathSeparator + this.machine.resolve("usr/bin"));
		this.environment.put("CHROMEWEBDRIVER", driver.getParent().toString());
		Chromium found = find();
		assertThat(found.binary()).isEqualTo(chrome);
		assertThat(found.driver()).isEqualTo(driver);
		assertThatNoException().isThrownBy(() -> found.assumeInstalled(true));
	}

	@Test
	void prefersChromiumToGoogleChromeOnThePathAndFindsTheDriverThere() throws IOException {
		executable("usr/bin/google-chrome");
		Path chromium = executable("usr/bin/chromium");
		Path driver = executable("usr/bin/chromedriver");
		this.environment.put("PATH", this.machine.resolve("usr/bin").toString());
		Chromium found = find();
		assertThat(found.binary()).isEqualTo(chromium);
		assertThat(found.driver()).isEqualTo(driver);
	}

	@Test
	void saysWhenANamedBrowserIsNotAnExecutable() throws IOException {
		Path driver = executable("usr/bin/chromedriver");
		this.properties.put("choreo.chromium", this.machine.resolve("nowhere/chrome").toString());
		this.properties.put("choreo.chromedriver", driver.toString());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> find().assumeInstalled(true))
			.withMessageContaining("browser: " + this.machine.resolve("nowhere/chrome") + " is not an executable file");
	}

	private Chromium find() {
		return Chromium.find(this.properties::get, this.environment::get);
	}

	private Path executable(String path) throws IOException {
		Path file = this.machine.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}

package dev.choreo.junit.report;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ChromiumTests {

	private static final Path MISSING = Path.of("/nonexistent/chromium");

	@Test
	void skipsTheBrowserTestWithTheReasonWhenChromiumIsMissing() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> Chromium.assumeInstalled(MISSING, MISSING, false))
			.withMessageContaining("headless Chromium is not installed")
			.withMessageContaining("apt-get install -y chromium chromium-driver");
	}

	@Test
	void failsTheBrowserTestWhenChromiumIsMissingButRequired() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Chromium.assumeInstalled(MISSING, MISSING, true))
			.withMessageContaining("choreo.e2e.required is true");
	}

	@Test
	void passesWhenBothExecutablesExist() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		assertThatNoException().isThrownBy(() -> Chromium.assumeInstalled(java, java, true));
	}

}

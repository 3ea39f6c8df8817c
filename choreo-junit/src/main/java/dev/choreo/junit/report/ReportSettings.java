package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The report's settings, each taken from the first place that sets it: the options given
 * from code, the system properties, the JUnit configuration parameters, the defaults.
 *
 * @param directory the absolute output directory
 * @param enabled whether the report is written
 * @param projectName the project name, or {@code null} when blank
 * @param streamRedaction whether captured output is scrubbed by the built-in patterns
 * @param allowlistSource where the allowlist came from, or {@code null} when unknown
 * @param environment the environment name
 */
record ReportSettings(Path directory, boolean enabled, @Nullable String projectName, boolean streamRedaction,
		@Nullable String allowlistSource, String environment) {

	static final String DIR = "choreo.report.dir";

	static final String ENABLED = "choreo.report.enabled";

	static final String PROJECT_NAME = "choreo.report.project-name";

	static final String STREAM_REDACTION = "choreo.report.stream-redaction";

	static final String ALLOWLIST_SOURCE = "choreo.report.allowlist-source";

	static final String ENVIRONMENT = "choreo.report.environment";

	static final String DEFAULT_DIR = "target/choreo-report";

	static final String GRADLE_DEFAULT_DIR = "build/choreo-report";

	private static final String GRADLE_TEST_WORKER = "org.gradle.test.worker";

	private static final String[] GRADLE_BUILD_FILES = { "build.gradle", "build.gradle.kts", "settings.gradle",
			"settings.gradle.kts" };

	/**
	 * Resolve the settings.
	 * @param parameters the JUnit configuration parameters
	 */
	static ReportSettings resolve(Function<String, Optional<String>> parameters) {
		ReportOptions options = ChoreoReport.options();
		Function<String, @Nullable String> lookup = (key) -> {
			String property = System.getProperty(key);
			if (property != null) {
				return property;
			}
			return parameters.apply(key).orElse(null);
		};
		Path cwd = Path.of("").toAbsolutePath();
		Path directory = (options.directory() != null) ? options.directory()
				: path(lookup.apply(DIR), defaultDirectory(cwd, System.getProperty(GRADLE_TEST_WORKER)));
		boolean enabled = (options.enabled() != null) ? options.enabled() : bool(lookup.apply(ENABLED), true);
		String project = (options.projectName() != null) ? options.projectName() : lookup.apply(PROJECT_NAME);
		if (project == null) {
			Path name = cwd.getFileName();
			project = (name != null) ? name.toString() : null;
		}
		boolean streams = (options.streamRedaction() != null) ? options.streamRedaction()
				: bool(lookup.apply(STREAM_REDACTION), true);
		String allowlist = (options.allowlistSource() != null) ? options.allowlistSource()
				: blankToNull(lookup.apply(ALLOWLIST_SOURCE));
		String environment = (options.environment() != null) ? options.environment() : lookup.apply(ENVIRONMENT);
		return new ReportSettings(cwd.resolve(directory).normalize(), enabled, blankToNull(project), streams, allowlist,
				environment(environment));
	}

	private static Path path(@Nullable String value, String fallback) {
		return Path.of((value != null && !value.isBlank()) ? value.trim() : fallback);
	}

	/**
	 * The default directory: Gradle's {@code build/choreo-report} in a Gradle build (a
	 * Gradle test worker, or a working directory with a Gradle build file and no
	 * {@code pom.xml}), Maven's {@code target/choreo-report} otherwise.
	 * @param cwd the working directory
	 * @param gradleTestWorker the {@code org.gradle.test.worker} system property
	 * @return the default directory, relative to the working directory
	 */
	static String defaultDirectory(Path cwd, @Nullable String gradleTestWorker) {
		if (gradleTestWorker != null) {
			return GRADLE_DEFAULT_DIR;
		}
		if (Files.exists(cwd.resolve("pom.xml"))) {
			return DEFAULT_DIR;
		}
		for (String buildFile : GRADLE_BUILD_FILES) {
			if (Files.exists(cwd.resolve(buildFile))) {
				return GRADLE_DEFAULT_DIR;
			}
		}
		return DEFAULT_DIR;
	}

	private static boolean bool(@Nullable String value, boolean fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "false", "no", "off", "0" -> false;
			default -> true;
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	private static String environment(@Nullable String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		String fromEnv = System.getenv("CHOREO_ENV");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv.trim();
		}
		String ci = System.getenv("CI");
		return (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) ? "ci" : "local";
	}

}

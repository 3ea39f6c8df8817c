package dev.choreo.junit.report;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Where and how the finished report is posted to a Chronicle server. Each setting comes
 * from the first place that sets it: the system property, the JUnit configuration
 * parameter of the same name, the environment variable.
 *
 * @param url the Chronicle base URL, or {@code null} when posting is off
 * @param token the tenant's ingest token, or {@code null}
 * @param tenant the tenant
 * @param runKey the key that merges the reports of one CI run's shards, or {@code null}
 * @param timeout the bound on the whole upload, retry included
 */
record ChronicleSettings(@Nullable URI url, @Nullable String token, String tenant, @Nullable String runKey,
		Duration timeout) {

	static final String URL = "choreo.report.chronicle.url";

	static final String TOKEN = "choreo.report.chronicle.token";

	static final String TENANT = "choreo.report.chronicle.tenant";

	static final String RUN_KEY = "choreo.report.chronicle.run-key";

	static final String TIMEOUT = "choreo.report.chronicle.timeout";

	static final ChronicleSettings OFF = new ChronicleSettings(null, null, "default", null, Duration.ofSeconds(10));

	/**
	 * Resolve the settings.
	 * @param parameters the JUnit configuration parameters
	 * @param environment the environment variables
	 * @return the settings
	 * @throws IllegalArgumentException if a value cannot be used, with a message that
	 * says which setting and what to write instead
	 */
	static ChronicleSettings resolve(Function<String, Optional<String>> parameters, Map<String, String> environment) {
		Function<String, @Nullable String> lookup = (key) -> {
			String value = System.getProperty(key);
			if (value == null) {
				value = parameters.apply(key).orElse(null);
			}
			if (value == null) {
				value = environment.get(key.replace("choreo.report.chronicle.", "CHOREO_CHRONICLE_")
					.replace('-', '_')
					.toUpperCase(Locale.ROOT));
			}
			return (value != null && !value.isBlank()) ? value.trim() : null;
		};
		String url = lookup.apply(URL);
		if (url == null) {
			return OFF;
		}
		String tenant = lookup.apply(TENANT);
		String runKey = lookup.apply(RUN_KEY);
		return new ChronicleSettings(uri(url), lookup.apply(TOKEN), (tenant != null) ? tenant : "default",
				(runKey != null) ? runKey : ciRunKey(environment), timeout(lookup.apply(TIMEOUT)));
	}

	boolean enabled() {
		return this.url != null;
	}

	private static URI uri(String value) {
		try {
			URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
			if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("no http(s) URL");
			}
			if (uri.getRawUserInfo() != null) {
				throw new IllegalArgumentException(URL + " must not carry credentials; set the token in " + TOKEN
						+ " or the environment variable CHOREO_CHRONICLE_TOKEN");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith(URL)) {
				throw ex;
			}
			throw new IllegalArgumentException(
					URL + " must be the Chronicle server's http(s) base URL, such as http://localhost:8080");
		}
	}

	private static Duration timeout(@Nullable String value) {
		if (value == null) {
			return OFF.timeout();
		}
		java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?")
			.matcher(value.toLowerCase(Locale.ROOT));
		if (!parts.matches() || Long.parseLong(parts.group(1)) == 0) {
			throw new IllegalArgumentException(
					TIMEOUT + " must be a positive duration such as 10s or 500ms, got '" + value + "'");
		}
		long amount = Long.parseLong(parts.group(1));
		String unit = (parts.group(2) != null) ? parts.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	/**
	 * The run key of the usual CI systems, so that the shards of one build merge into one
	 * run: GitHub Actions, GitLab CI, Jenkins.
	 */
	static @Nullable String ciRunKey(Map<String, String> environment) {
		String github = environment.get("GITHUB_RUN_ID");
		if (github != null) {
			return "github-" + environment.getOrDefault("GITHUB_REPOSITORY", "") + "-" + github + "-"
					+ environment.getOrDefault("GITHUB_RUN_ATTEMPT", "1");
		}
		String gitlab = environment.get("CI_PIPELINE_ID");
		if (gitlab != null) {
			return "gitlab-" + environment.getOrDefault("CI_PROJECT_PATH", "") + "-" + gitlab;
		}
		String jenkins = environment.get("BUILD_TAG");
		if (jenkins != null && environment.containsKey("JENKINS_URL")) {
			return "jenkins-" + jenkins;
		}
		return null;
	}

}

package dev.choreo.test.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;

/**
 * The Spring Boot lines Choreo supports, and the check that the application's is one of
 * them. It uses only {@link SpringBootVersion}, which every Spring Boot line has, so it
 * runs (and says what is wrong) where the rest of Choreo's auto-configuration cannot even
 * load.
 */
final class SupportedSpringBoot {

	static final String CHOREO_LINE = "0.1";

	static final String SUPPORTED_LINES = "4.0 and 4.1";

	private static final int SUPPORTED_MAJOR = 4;

	private SupportedSpringBoot() {
	}

	/**
	 * Throws when the application's Spring Boot is not a supported line.
	 * @throws UnsupportedSpringBootVersionException if it is not
	 */
	static void check() {
		String problem = problem(SpringBootVersion.getVersion());
		if (problem != null) {
			throw new UnsupportedSpringBootVersionException(problem);
		}
	}

	/**
	 * What is wrong with the given Spring Boot version, or {@code null} when Choreo
	 * supports it or it cannot be told (a Spring Boot jar without a version).
	 * @param version the Spring Boot version, as {@link SpringBootVersion} reports it
	 * @return the message, or {@code null}
	 */
	static @Nullable String problem(@Nullable String version) {
		if (version == null || version.isBlank()) {
			return null;
		}
		int major = major(version);
		if (major < 0 || major == SUPPORTED_MAJOR) {
			return null;
		}
		return "Choreo " + CHOREO_LINE + " supports Spring Boot " + SUPPORTED_LINES
				+ "; this application uses Spring Boot " + version + ". Upgrade the application to Spring Boot "
				+ SUPPORTED_LINES.replace(" and ", " or ") + ", or remove choreo-spring-boot-starter from its"
				+ " test dependencies.";
	}

	private static int major(String version) {
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		return (end > 0 && end < 10) ? Integer.parseInt(version.substring(0, end)) : -1;
	}

}

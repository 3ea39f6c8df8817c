package dev.choreo.test.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link UnsupportedSpringBootVersionException} as what it is, whatever
 * exception the context wrapped it in. Registered in {@code META-INF/spring.factories},
 * which every Spring Boot line reads.
 */
final class UnsupportedSpringBootVersionFailureAnalyzer
		extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Upgrade the application to Spring Boot " + SupportedSpringBoot.SUPPORTED_LINES.replace(" and ", " or ")
						+ ", or remove choreo-spring-boot-starter from its test dependencies.",
				cause);
	}

}

package dev.choreo.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SupportedSpringBoot} and
 * {@link UnsupportedSpringBootVersionFailureAnalyzer}. The refusal on a real Spring Boot
 * 3 application is proven by the starter's {@code boot3-app} fixture build.
 */
class SupportedSpringBootTests {

	private static final String BOOT_3_MESSAGE = "Choreo 0.1 supports Spring Boot 4.0 and 4.1; this application"
			+ " uses Spring Boot 3.5.7. Upgrade the application to Spring Boot 4.0 or 4.1, or remove"
			+ " choreo-spring-boot-starter from its test dependencies.";

	@Test
	void refusesSpringBoot3WithTheVersionFoundAndTheVersionsSupported() {
		assertThat(SupportedSpringBoot.problem("3.5.7")).isEqualTo(BOOT_3_MESSAGE);
	}

	@Test
	void refusesSpringBoot2() {
		assertThat(SupportedSpringBoot.problem("2.7.18"))
			.startsWith("Choreo 0.1 supports Spring Boot 4.0 and 4.1; this application uses Spring Boot 2.7.18.");
	}

	@Test
	void acceptsTheSpringBoot4Lines() {
		assertThat(SupportedSpringBoot.problem("4.0.7")).isNull();
		assertThat(SupportedSpringBoot.problem("4.1.2")).isNull();
		assertThat(SupportedSpringBoot.problem("4.1.0-RC1")).isNull();
	}

	@Test
	void acceptsASpringBootWhoseVersionCannotBeTold() {
		assertThat(SupportedSpringBoot.problem(null)).isNull();
		assertThat(SupportedSpringBoot.problem("")).isNull();
		assertThat(SupportedSpringBoot.problem("unknown")).isNull();
	}

	@Test
	void passesOnTheSpringBootTheseTestsRunOn() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
		assertThatNoException().isThrownBy(SupportedSpringBoot::check);
	}

	@Test
	void failureAnalysisSaysWhatIsWrongAndWhatToDoThroughWrappingExceptions() {
		UnsupportedSpringBootVersionException refusal = new UnsupportedSpringBootVersionException(BOOT_3_MESSAGE);
		Exception wrapped = new IllegalStateException("Error processing condition",
				new BeanCreationException("choreo", "wrapped", refusal));
		FailureAnalysis analysis = new UnsupportedSpringBootVersionFailureAnalyzer().analyze(wrapped);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(BOOT_3_MESSAGE);
		assertThat(analysis.getAction()).isEqualTo(
				"Upgrade the application to Spring Boot 4.0 or 4.1, or remove choreo-spring-boot-starter from its test dependencies.");
	}

}

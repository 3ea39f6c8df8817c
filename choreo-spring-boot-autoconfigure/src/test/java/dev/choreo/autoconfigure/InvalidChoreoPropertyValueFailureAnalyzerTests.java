package dev.choreo.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidChoreoPropertyValueFailureAnalyzer}: an unknown value of a
 * {@code choreo.*} property with fixed values.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidChoreoPropertyValueFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChoreoAutoConfiguration.class));

	@Test
	void listsTheValidCorrelationPoliciesAsTheyAreDocumented() {
		FailureAnalysis analysis = analyze("choreo.correlation.policy=sideways");
		assertThat(analysis.getDescription()).isEqualTo(String.format("Invalid value for choreo.correlation.policy:%n%n"
				+ "    Value: \"sideways\"%n    Origin: \"choreo.correlation.policy\" from property source \"test\"%n"));
		assertThat(analysis.getAction())
			.isEqualTo("Set choreo.correlation.policy to one of: none, field, header, test-namespace.");
	}

	@Test
	void listsTheValuesOfEveryChoreoPropertyWithFixedValues() {
		assertThat(analyze("choreo.redis.mode=lists").getAction())
			.isEqualTo("Set choreo.redis.mode to one of: pubsub, streams.");
	}

	@Test
	void leavesOtherBindingFailuresToSpringBoot() {
		this.runner.withPropertyValues("choreo.default-timeout=soon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidChoreoPropertyValueFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void isWhatSpringBootPrintsWhenTheApplicationFailsToStart(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ChoreoApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--choreo.correlation.policy=NAMESPACE"));
		assertThat(output)
			.contains(String.format("Description:%n%nInvalid value for choreo.correlation.policy:%n%n"
					+ "    Value: \"NAMESPACE\"%n    Origin: \"choreo.correlation.policy\" from property source"
					+ " \"commandLineArgs\"%n"))
			.contains(String
				.format("Action:%n%nSet choreo.correlation.policy to one of: none, field, header, test-namespace.%n"))
			.doesNotContain("TEST_NAMESPACE");
	}

	private FailureAnalysis analyze(String property) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new InvalidChoreoPropertyValueFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ChoreoAutoConfiguration.class)
	static class ChoreoApplication {

	}

}

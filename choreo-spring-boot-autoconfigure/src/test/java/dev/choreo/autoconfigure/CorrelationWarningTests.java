package dev.choreo.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning for harnesses the starter built without a correlation policy names the
 * property to set, in the spelling a user types.
 */
class CorrelationWarningTests {

	@Test
	void namesTheHarnessAndTheProperty() {
		assertThat(HarnessReadiness.correlationWarning(List.of("'kafka'")))
			.isEqualTo("Choreo harness 'kafka' has no correlation policy: scenarios running at the same time on a"
					+ " shared broker will see each other's messages; set choreo.correlation.policy to field, header"
					+ " or test-namespace (or define a CorrelationPolicy bean) to keep them apart");
	}

	@Test
	void namesEveryHarnessInOneLine() {
		assertThat(HarnessReadiness.correlationWarning(List.of("'kafka'", "'nats'", "'redis'")))
			.startsWith("Choreo harnesses 'kafka', 'nats' and 'redis' have no correlation policy: ")
			.contains("set choreo.correlation.policy to field, header or test-namespace");
	}

}

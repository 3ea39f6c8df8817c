package dev.choreo.test.autoconfigure.app;

import dev.choreo.Harness;
import dev.choreo.test.autoconfigure.ChoreoTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by {@link ChoreoTestExtensionIntegrationTests}, compiled without parameter names:
 * two harnesses, none primary.
 */
@ChoreoTest(properties = { "choreo.kafka.enabled=false", "choreo.rabbit.enabled=false", "choreo.redis.enabled=false",
		"choreo.correlation.policy=field" })
@Import(MemoryHarnessConfiguration.class)
class WithoutParameterNamesFixture {

	@Test
	void byName(Harness natsHarness) {
		assertThat(natsHarness.name()).isEqualTo("nats");
	}

	@Test
	void byQualifier(@Qualifier("natsHarness") Harness harness) {
		assertThat(harness.name()).isEqualTo("nats");
	}

}

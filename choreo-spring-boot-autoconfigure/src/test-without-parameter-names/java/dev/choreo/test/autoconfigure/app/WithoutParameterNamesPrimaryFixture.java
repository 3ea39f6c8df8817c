package dev.choreo.test.autoconfigure.app;

import dev.choreo.Harness;
import dev.choreo.test.autoconfigure.ChoreoTest;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by {@link ChoreoTestExtensionIntegrationTests}, compiled without parameter names:
 * two harnesses, NATS primary.
 */
@ChoreoTest(properties = { "choreo.kafka.enabled=false", "choreo.rabbit.enabled=false", "choreo.redis.enabled=false",
		"choreo.correlation.policy=field", "choreo.default-transport=nats" })
@Import(MemoryHarnessConfiguration.class)
class WithoutParameterNamesPrimaryFixture {

	@Test
	void primary(Harness harness) {
		assertThat(harness.name()).isEqualTo("nats");
	}

}

package dev.choreo.testcontainers;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static dev.choreo.match.Matchers.fieldEquals;

/**
 * A real {@link NatsContainer} with credentials behind {@code @ServiceConnection}. Needs
 * Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = NatsContainerIntegrationTests.Config.class)
@AutoConfigureChoreo
class NatsContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final NatsContainer nats = new NatsContainer().withCredentials("choreo", "container-s3cret");

	@Test
	void connectsTheHarnessToTheContainer(Harness natsHarness) {
		try (Scenario scenario = natsHarness.scenario("container")) {
			scenario.expect("choreo.container", fieldEquals("ok", true));
			scenario.publish("choreo.container", Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

	@SpringBootConfiguration
	static class Config {

	}

}

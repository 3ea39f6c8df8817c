package dev.choreo.testcontainers;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.nats.NatsConnectionDetails;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @ServiceConnection} path for NATS, without Docker: a {@link NatsContainer}
 * that stands for the local NATS server instead of starting, so the factory registration,
 * the connection details and the harness built from them are all real.
 */
@SpringBootTest(classes = NatsContainerConnectionDetailsFactoryTests.Config.class)
@AutoConfigureChoreo
class NatsContainerConnectionDetailsFactoryTests {

	@Autowired
	private NatsConnectionDetails details;

	@BeforeAll
	static void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void turnsTheContainerIntoConnectionDetailsForTheHarness(Harness natsHarness) {
		assertThat(this.details.getServers()).containsExactly("nats://127.0.0.1:4222");
		assertThat(this.details.getUsername()).isNull();
		try (Scenario scenario = natsHarness.scenario("service-connection")) {
			scenario.expect("choreo.service.connection", fieldEquals("ok", true));
			scenario.publish("choreo.service.connection", Map.of("ok", true))
				.awaitAll(Duration.ofSeconds(10))
				.assertPassed();
		}
	}

	@SpringBootConfiguration
	static class Config {

		@Bean
		@ServiceConnection
		NatsContainer nats() {
			return new LocalNatsContainer();
		}

	}

	/**
	 * Stands for the local server: never starts a container.
	 */
	static final class LocalNatsContainer extends NatsContainer {

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return true;
		}

		@Override
		public String getHost() {
			return "127.0.0.1";
		}

		@Override
		public Integer getMappedPort(int originalPort) {
			return originalPort;
		}

	}

}

package dev.choreo.testcontainers;

import dev.choreo.autoconfigure.nats.NatsConnectionDetails;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @ServiceConnection} path for a plain container running the {@code nats}
 * image, without Docker: the container stands for the local server instead of starting.
 */
@SpringBootTest(classes = GenericNatsContainerConnectionDetailsFactoryTests.Config.class)
@AutoConfigureChoreo
class GenericNatsContainerConnectionDetailsFactoryTests {

	@Autowired
	private NatsConnectionDetails details;

	@BeforeAll
	static void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void turnsAContainerOfTheNatsImageIntoConnectionDetails() {
		assertThat(this.details.getServers()).containsExactly("nats://127.0.0.1:4222");
	}

	@SpringBootConfiguration
	static class Config {

		@Bean
		@ServiceConnection(name = "nats")
		GenericContainer<?> nats() {
			return new LocalContainer();
		}

	}

	static final class LocalContainer extends GenericContainer<LocalContainer> {

		LocalContainer() {
			super(DockerImageName.parse("nats:2.10"));
		}

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

package dev.choreo.testcontainers;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProvisionBrokers @ProvisionBrokers} on this machine: NATS, Redis and RabbitMQ
 * are local, Kafka is embedded (no Docker here).
 */
@SpringBootTest(classes = ProvisionBrokersIntegrationTests.Config.class)
@AutoConfigureChoreo
@ProvisionBrokers({ Broker.NATS, Broker.REDIS, Broker.RABBITMQ, Broker.KAFKA })
class ProvisionBrokersIntegrationTests {

	@Autowired
	private Environment environment;

	@Test
	void pointsTheApplicationAtTheProvidedBrokers(Harness natsHarness) throws Exception {
		assertThat(this.environment.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
		assertThat(this.environment.getProperty("spring.rabbitmq.addresses")).isEqualTo("127.0.0.1:5672");
		assertThat(this.environment.getProperty("choreo.nats.servers")).isEqualTo("nats://127.0.0.1:4222");
		String kafka = this.environment.getProperty("spring.kafka.bootstrap-servers");
		assertThat(kafka).isNotBlank();
		String[] hostPort = kafka.split(",")[0].split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
		}
		try (Scenario scenario = natsHarness.scenario("provisioned")) {
			scenario.expect("choreo.provisioned", fieldEquals("ok", true));
			scenario.publish("choreo.provisioned", Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

	@SpringBootConfiguration
	static class Config {

	}

}

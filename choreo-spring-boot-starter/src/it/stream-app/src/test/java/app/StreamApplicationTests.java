package app;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.choreo.match.Matchers.containsFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ChoreoTest} in a Spring Cloud Stream service: the stream harness is there and
 * drives the service's function through the Kafka binder.
 */
@ChoreoTest
class StreamApplicationTests {

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
		registry.add("spring.cloud.stream.kafka.binder.brokers", KafkaBroker::bootstrapServers);
	}

	@Test
	void getsAStreamHarnessThatDrivesTheFunction(Harness streamHarness) {
		assertThat(this.context.getBeansOfType(Harness.class)).containsKey("streamHarness");
		String id = UUID.randomUUID().toString();
		try (Scenario s = streamHarness.scenario("shout")) {
			s.expect("shouted", containsFields(Map.of("id", id, "word", "HELLO")));
			s.publish("words",
					OutboundMessage.of(Map.of("id", id, "word", "hello")).withHeader("contentType", "application/json"))
				.awaitAll(Duration.ofSeconds(60))
				.assertPassed();
		}
	}

}

package dev.choreo.test.autoconfigure.quiet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.choreo.Stage;
import dev.choreo.StageScenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A passing {@code @ChoreoTest} on Kafka, RabbitMQ, NATS and Redis prints no warning and
 * no error, from its context's start to its close.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietRunIntegrationTests {

	/**
	 * Spring Cloud Function warns that it found no Jackson auto-configuration: this
	 * module's tests have no spring-boot-jackson, which applications have.
	 */
	/**
	 * Lines that Choreo does not cause: Spring Cloud Function's, and those of the
	 * in-process Kafka broker this test starts (its controller, raft and metadata
	 * loggers; the clients' loggers, which Choreo drives, are still checked).
	 */
	private static final List<String> UNRELATED = List.of(
			"ContextFunctionCatalogAutoConfiguration - Unexpected" + " error while attempting to rebuild ObjectMapper",
			" o.a.k.controller.", " o.a.k.raft.", " o.a.k.metadata.", " o.a.k.image.", " k.server.", " kafka.server.");

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startKafka() {
		Brokers.require("NATS", "127.0.0.1", 4222);
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
		Brokers.require("Redis", "127.0.0.1", 6379);
		String external = System.getenv("CHOREO_KAFKA_BOOTSTRAP");
		if (external != null && !external.isBlank()) {
			// a standalone broker, where the in-process one does not run on the build's
			// Kafka line (the Spring Boot 4.1 pass)
			System.setProperty("choreo.test.quiet.kafka", external);
			return;
		}
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerListProperty("choreo.test.quiet.kafka");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopKafka() {
		if (broker != null) {
			broker.destroy();
		}
		System.clearProperty("choreo.test.quiet.kafka");
	}

	@Test
	void aPassingRunPrintsNoWarningFromStartToClose(CapturedOutput output) {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(PassingRun.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(1).succeeded(1));
		List<String> problems = output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.filter((line) -> UNRELATED.stream().noneMatch(line::contains))
			.toList();
		assertThat(problems).isEmpty();
		assertThat(output.getAll()).contains("Harness ready: kafka, nats, rabbit, redis");
	}

	@ChoreoTest(properties = { "spring.kafka.bootstrap-servers=${choreo.test.quiet.kafka}",
			"spring.rabbitmq.host=127.0.0.1", "spring.data.redis.url=redis://127.0.0.1:6379",
			"choreo.nats.servers=nats://127.0.0.1:4222", "choreo.correlation.policy=field" })
	@DirtiesContext
	static class PassingRun {

		@Test
		void everyHarnessRoundTrips(Stage stage) {
			for (String harness : stage.harnessNames().stream().sorted().toList()) {
				try (StageScenario scenario = stage.scenario("quiet " + harness)) {
					String topic = "choreo.quiet." + harness;
					scenario.expect(harness, topic, fieldEquals("ok", true));
					scenario.publish(harness, topic, Map.of("ok", true))
						.awaitAll(Duration.ofSeconds(20))
						.assertPassed();
				}
			}
			System.out.println("Harness ready: " + String.join(", ", stage.harnessNames().stream().sorted().toList()));
		}

	}

}

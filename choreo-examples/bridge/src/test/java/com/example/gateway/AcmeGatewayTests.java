package com.example.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.choreo.CorrelationBridge;
import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.MappedBridge;
import dev.choreo.Outcome;
import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import dev.choreo.Surprise;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway between both brokers, in one scenario per test: a {@link Stage} over the
 * Kafka and NATS harnesses. The acme side carries ids as {@code acme-<id>}, so the stage
 * gets a {@link CorrelationBridge} that says so; the scenario publishes and expects with
 * the right id on each side.
 */
@ChoreoTest
@ProvisionBrokers({ Broker.KAFKA, Broker.NATS })
@ActiveProfiles("test")
@Import(AcmeGatewayTests.BridgedStage.class)
class AcmeGatewayTests {

	@Test
	void aTelemetryFrameBecomesAReading(Stage stage) {
		try (StageScenario s = stage.scenario("telemetry to reading")) {
			s.expect("kafka", "devices.readings", containsFields(Map.of("deviceId", "T-1", "celsius", 21.5)));
			// published on NATS with correlation_id "acme-<id>", expected on Kafka with
			// "<id>"
			s.publish("nats", "acme.telemetry", Map.of("dev", "T-1", "v", 215)).awaitAll().assertPassed();
			assertThat(s.correlationId("nats")).isEqualTo("acme-" + s.correlationId("kafka"));
		}
	}

	@Test
	void aCommandIsFannedOutToEveryDeviceAndEachAcknowledgementComesBack(Stage stage) {
		String commandId = "CMD-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> devices = List.of("T-1", "T-2", "T-3");
		try (StageScenario s = stage.scenario("set point for three devices")) {
			// one frame per device on the acme side...
			Handle frames = s
				.expect("nats", "acme.cmd", containsFields(Map.of("cid", commandId, "op", "setpoint", "arg", 195)))
				.times(devices.size());
			for (String device : devices) {
				// ...each device acknowledges its own frame, as a real thermostat
				// would...
				s.on("nats", "acme.cmd", allOf(fieldEquals("cid", commandId), fieldEquals("dev", device)))
					.publish("acme.ack", Map.of("dev", device, "cid", commandId, "ok", true));
				// ...and the gateway turns each acknowledgement into a result on Kafka
				s.expect("kafka", "devices.command-results",
						containsFields(Map.of("commandId", commandId, "deviceId", device, "status", "APPLIED")));
			}
			ScenarioResult result = s
				.publish("kafka", "devices.commands",
						Map.of("commandId", commandId, "deviceIds", devices, "targetCelsius", 19.5))
				.awaitAll();
			result.assertPassed();
			assertThat(frames.matchCount()).isEqualTo(3);
			assertThat(result.replies()).hasSize(3).allSatisfy((reply) -> assertThat(reply.replyPublished()).isTrue());
		}
	}

	@Test
	void withoutTheBridgeTheDevicesFramesBelongToNoScenario(Harness kafkaHarness, Harness natsHarness) {
		// the same harnesses, the same id on both sides (not closed here: the context
		// owns the harnesses)
		Stage unbridged = Stage.builder().harness("kafka", kafkaHarness).harness("nats", natsHarness).build();
		String commandId = "CMD-" + UUID.randomUUID().toString().substring(0, 8);
		try (StageScenario s = unbridged.scenario("no bridge")) {
			Handle frame = s.expect("nats", "acme.cmd", fieldEquals("cid", commandId));
			ScenarioResult result = s
				.publish("kafka", "devices.commands",
						Map.of("commandId", commandId, "deviceIds", List.of("T-9"), "targetCelsius", 18))
				.awaitAll(Duration.ofSeconds(3));
			assertThat(frame.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(result.failureSummary()).contains("[TIMEOUT] acme.cmd on nats")
				.contains("nothing on this scenario's correlation reached it");
			// the frame did arrive, under the acme id, which no scenario owns
			assertThat(natsHarness.surprises()).anySatisfy((surprise) -> {
				assertThat(surprise.correlationId()).isEqualTo("acme-" + s.correlationId());
				assertThat(surprise.kind()).isEqualTo(Surprise.Kind.UNKNOWN_SCOPE);
			});
		}
	}

	/**
	 * The stage every test gets: Choreo's harnesses, with the acme id namespace on NATS.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BridgedStage {

		@Bean
		Stage stage(Harness kafkaHarness, Harness natsHarness) {
			CorrelationBridge acmeIds = MappedBridge.builder().map("nats", (id) -> "acme-" + id).build();
			return Stage.builder().harness("kafka", kafkaHarness).harness("nats", natsHarness).bridge(acmeIds).build();
		}

	}

}

package dev.choreo.junit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @EnableChoreo} on a plain JUnit class, with the brokers of
 * {@code choreo-local.yml}: NATS (the default harness), Redis and RabbitMQ.
 */
@ExtendWith(LocalBrokers.class)
@EnableChoreo(profiles = "local")
class EnableChoreoTests {

	static Harness harnessOfTheClass;

	@BeforeAll
	static void keepTheHarness(Harness harness) {
		harnessOfTheClass = harness;
	}

	@Test
	void injectsTheDefaultHarnessConnected(Harness harness) {
		assertThat(harness.name()).isEqualTo("nats");
		assertThat(harness.isConnected()).isTrue();
		assertThat(harness).isSameAs(harnessOfTheClass);
	}

	@Test
	void injectsAScenarioNamedAfterTheTestOnTheDefaultHarness(Scenario scenario) {
		assertThat(scenario.name()).isEqualTo("EnableChoreoTests.injectsAScenarioNamedAfterTheTestOnTheDefaultHarness");
		String id = UUID.randomUUID().toString();
		scenario.expect("choreo.junit.nats", fieldEquals("id", id));
		scenario.publish("choreo.junit.nats", Map.of("id", id)).awaitAll().assertPassed();
	}

	@Test
	void injectsTheHarnessTheParameterNames(@ChoreoHarness("redis") Harness redis) {
		assertThat(redis.name()).isEqualTo("redis");
		try (Scenario scenario = redis.scenario("redis round trip")) {
			String id = UUID.randomUUID().toString();
			scenario.expect("choreo.junit.redis", fieldEquals("id", id));
			scenario.publish("choreo.junit.redis", Map.of("id", id)).awaitAll().assertPassed();
		}
	}

	@Test
	void injectsAScenarioOnTheHarnessTheParameterNames(@ChoreoHarness("rabbit") Scenario scenario) {
		String id = UUID.randomUUID().toString();
		scenario.expect("choreo.junit.rabbit", fieldEquals("id", id));
		scenario.publish("choreo.junit.rabbit", Map.of("id", id)).awaitAll().assertPassed();
	}

	@Test
	void injectsAStageOverEveryHarness(Stage stage) {
		assertThat(stage.harnessNames()).containsExactly("rabbit", "nats", "redis");
	}

	@Test
	void injectsAStageScenarioAcrossBrokers(StageScenario scenario) {
		String id = UUID.randomUUID().toString();
		scenario.on("nats", "choreo.junit.order")
			.publishOn("rabbit", "choreo.junit.order.checked", (trigger) -> Map.of("id", id, "checked", true));
		scenario.expect("rabbit", "choreo.junit.order.checked", fieldEquals("checked", true));
		scenario.publish("nats", "choreo.junit.order", Map.of("id", id))
			.awaitAll(Duration.ofSeconds(10))
			.assertPassed();
	}

	@Nested
	class WhenBeforeEachTakesTheScenario {

		private String id = "";

		@BeforeEach
		void expectTheOrder(Scenario scenario) {
			this.id = UUID.randomUUID().toString();
			scenario.expect("choreo.junit.nested", fieldEquals("id", this.id));
		}

		@Test
		void theTestGetsTheSameScenario(Scenario scenario, Harness harness) {
			assertThat(harness).isSameAs(harnessOfTheClass);
			scenario.publish("choreo.junit.nested", Map.of("id", this.id)).awaitAll().assertPassed();
			assertThat(scenario.awaitAll().handles()).hasSize(1);
		}

	}

}

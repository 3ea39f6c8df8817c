package dev.choreo.junit;

import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@code @EnableChoreo} over Kafka. The broker's address is only known at run time, so
 * the fixture runs through the JUnit engine with it as a configuration parameter, the way
 * a build passes {@code -Dchoreo.kafka.bootstrap-servers=...}.
 */
class EnableChoreoKafkaTests {

	@Test
	void runsScenariosOnKafkaFromTheBootstrapServersSetting() {
		EngineTestKit.engine("junit-jupiter")
			.configurationParameter("choreo.kafka.bootstrap-servers", TestKafka.bootstrap())
			.selectors(selectClass(OnKafka.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@EnableChoreo(properties = { "choreo.correlation.policy=header", "choreo.kafka.client-id-prefix=junit-kafka",
			"choreo.kafka.properties.linger.ms=0", "choreo.default-timeout=20s", "choreo.kafka.connect-timeout=30s" })
	static class OnKafka {

		@Test
		void injectsTheKafkaHarness(Harness harness) {
			assertThat(harness.name()).isEqualTo("kafka");
			assertThat(harness.correlation().usesHeaders()).isTrue();
		}

		@Test
		void roundTripsAMessage(Scenario scenario) {
			String id = UUID.randomUUID().toString();
			scenario.expect("choreo.junit.kafka", fieldEquals("id", id));
			scenario.publish("choreo.junit.kafka", Map.of("id", id)).awaitAll().assertPassed();
		}

	}

}

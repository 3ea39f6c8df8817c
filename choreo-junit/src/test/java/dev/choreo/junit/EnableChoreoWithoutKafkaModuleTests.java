package dev.choreo.junit;

import dev.choreo.Harness;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@code @EnableChoreo} on a test class path without {@code choreo-kafka}: the build runs
 * this class alone, with that module left off the class path.
 */
class EnableChoreoWithoutKafkaModuleTests {

	@Test
	void runsWithoutTheKafkaModule() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("dev.choreo.transport.kafka.KafkaTransport"));
	}

	@Test
	void connectsTheOtherBrokersWithoutTheKafkaModule() {
		LocalBrokers.require();
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(OnNats.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Test
	void saysWhichDependencyToAddWhenKafkaIsConfigured() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(OnKafka.class))
			.execute()
			.containerEvents()
			.assertThatEvents()
			.haveExactly(1, event(container(OnKafka.class), finishedWithFailure(message(
					"choreo.kafka.bootstrap-servers is set (in @EnableChoreo(properties)), but the choreo-kafka module"
							+ " is not on the test class path; add the test dependency dev.choreo:choreo-kafka, or"
							+ " remove choreo.kafka.bootstrap-servers"))));
	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.connect-timeout=30s" })
	static class OnNats {

		@Test
		void connects(Harness harness) {
			assertThat(harness.isConnected()).isTrue();
		}

	}

	@EnableChoreo(properties = "choreo.kafka.bootstrap-servers=127.0.0.1:9092")
	static class OnKafka {

		@Test
		void connects(Harness harness) {
		}

	}

}

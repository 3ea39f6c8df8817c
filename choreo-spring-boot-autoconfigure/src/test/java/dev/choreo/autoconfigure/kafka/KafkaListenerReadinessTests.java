package dev.choreo.autoconfigure.kafka;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.apache.kafka.clients.admin.NewTopic;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first scenario waits until the application's {@code @KafkaListener} has joined its
 * consumer group, on an in-process broker whose initial rebalance delay (10s) makes the
 * join longer than the scenario's latency budget.
 */
class KafkaListenerReadinessTests {

	private static EmbeddedKafkaKraftBroker broker;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoKafkaAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"spring.kafka.consumer.auto-offset-reset=earliest", "choreo.correlation.policy=field");

	@BeforeAll
	static void startKafka() {
		// the group join must be slow (10 s) for the wait to be seen, which only a broker
		// of the test's own can promise; where the build names a standalone broker
		// instead
		// (the Spring Boot 4.1 pass, whose Kafka line the in-process broker does not run
		// on), these tests run in the Spring Boot 4.0 pass only
		Assumptions.assumeTrue(System.getenv("CHOREO_KAFKA_BOOTSTRAP") == null,
				"needs an in-process broker with a slow group join; runs where CHOREO_KAFKA_BOOTSTRAP is not set");
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("group.initial.rebalance.delay.ms", "10000");
		broker.brokerListProperty("choreo.test.slow-join.brokers");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopKafka() {
		if (broker == null) {
			return;
		}
		broker.destroy();
		System.clearProperty("choreo.test.slow-join.brokers");
	}

	@Test
	void theFirstScenarioStartsOnceTheListenerHasItsPartitions() {
		this.runner.withUserConfiguration(OrderListener.class)
			.withPropertyValues("orders.topic=orders.created.ready", "orders.group=orders-ready")
			.run((context) -> assertThat(acceptOrder(context.getBean(Harness.class), "orders.created.ready").outcome())
				.isEqualTo(Outcome.PASS));
	}

	@Test
	void withoutTheWaitTheFirstScenarioPaysForTheGroupJoin() {
		this.runner.withUserConfiguration(OrderListener.class)
			.withPropertyValues("orders.topic=orders.created.unready", "orders.group=orders-unready",
					"choreo.await-listeners.enabled=false")
			.run((context) -> assertThat(
					acceptOrder(context.getBean(Harness.class), "orders.created.unready").outcome())
				.isIn(Outcome.SLOW, Outcome.FAIL));
	}

	@Test
	void aListenerThatNeverGetsPartitionsFailsTheScenarioWithItsNameAndTopics() {
		this.runner.withUserConfiguration(OrderListener.class)
			.withPropertyValues("orders.topic=orders.nowhere", "orders.group=orders-nowhere",
					"spring.kafka.consumer.properties.allow.auto.create.topics=false", "orders.create-topic=false",
					"choreo.await-listeners.timeout=3s")
			.run((context) -> {
				Harness harness = context.getBean(Harness.class);
				String message = "Kafka listener 'orderListener' (topics orders.nowhere, group orders-nowhere) had no"
						+ " partitions assigned after 3s. Choreo waits for the application's listeners before the"
						+ " first scenario, so that no latency budget pays for their start. Check that their topics and"
						+ " queues exist and their brokers are reachable, raise choreo.await-listeners.timeout, or set"
						+ " choreo.await-listeners.enabled=false to start scenarios without waiting.";
				assertThatIllegalStateException().isThrownBy(() -> harness.scenario("first")).withMessage(message);
				assertThatIllegalStateException().isThrownBy(() -> harness.scenario("second")).withMessage(message);
			});
	}

	private static ScenarioResult acceptOrder(Harness harness, String topic) {
		try (Scenario scenario = harness.scenario("accept")) {
			scenario.expect("orders.accepted", fieldEquals("orderId", "ORD-1")).within(Duration.ofSeconds(2));
			return scenario.publish(topic, Map.of("orderId", "ORD-1")).awaitAll(Duration.ofSeconds(30));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderListener {

		@Bean
		NewTopic ordersTopic(org.springframework.core.env.Environment environment) {
			String topic = environment.getProperty("orders.create-topic", Boolean.class, true)
					? environment.getRequiredProperty("orders.topic") : "orders.unused";
			return TopicBuilder.name(topic).partitions(1).replicas(1).build();
		}

		@Bean
		NewTopic acceptedTopic() {
			return TopicBuilder.name("orders.accepted").partitions(1).replicas(1).build();
		}

		@Bean
		Forwarder forwarder(KafkaTemplate<Object, Object> template) {
			return new Forwarder(template);
		}

	}

	static class Forwarder {

		private final KafkaTemplate<Object, Object> template;

		Forwarder(KafkaTemplate<Object, Object> template) {
			this.template = template;
		}

		@KafkaListener(id = "orderListener", topics = "${orders.topic}", groupId = "${orders.group}",
				properties = "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer")
		void accept(String order) {
			this.template.send("orders.accepted", order);
		}

	}

}

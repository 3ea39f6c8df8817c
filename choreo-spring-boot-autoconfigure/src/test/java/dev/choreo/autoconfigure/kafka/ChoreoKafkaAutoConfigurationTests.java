package dev.choreo.autoconfigure.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoStageAutoConfiguration;
import dev.choreo.autoconfigure.rabbit.ChoreoRabbitAutoConfiguration;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.kafka.KafkaTransport;
import dev.choreo.transport.tck.Brokers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoKafkaAutoConfiguration} against an in-process Kafka broker.
 */
class ChoreoKafkaAutoConfigurationTests {

	private static EmbeddedKafkaKraftBroker broker;

	private static String bootstrap;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoKafkaAutoConfiguration.class, ChoreoStageAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + bootstrap);

	@BeforeAll
	static void startKafka() {
		String external = System.getenv("CHOREO_KAFKA_BOOTSTRAP");
		if (external != null && !external.isBlank()) {
			bootstrap = external;
			return;
		}
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerListProperty("choreo.test.kafka.brokers");
		broker.afterPropertiesSet();
		bootstrap = broker.getBrokersAsString();
	}

	@AfterAll
	static void stopKafka() {
		if (broker != null) {
			broker.destroy();
			System.clearProperty("choreo.test.kafka.brokers");
		}
	}

	@Test
	void connectsAHarnessConfiguredLikeTheApplicationsClients() {
		this.runner.run((context) -> {
			Harness harness = context.getBean("kafkaHarness", Harness.class);
			assertThat(harness.isConnected()).isTrue();
			assertThat(harness.transport()).isInstanceOf(KafkaTransport.class);
			assertThat(context.getBean(Stage.class).harnessNames()).containsExactly("kafka");
			try (Scenario scenario = harness.scenario("kafka-autoconfig")) {
				String topic = "choreo_autoconfig_" + UUID.randomUUID();
				scenario.expect(topic, fieldEquals("ok", true));
				scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(20)).assertPassed();
			}
		});
	}

	@Test
	void createsExpectedTopicsWithThePartitionsAndReplicationItIsGiven() {
		this.runner.withPropertyValues("choreo.kafka.topic-partitions=3", "choreo.kafka.topic-replication=1")
			.run((context) -> {
				Harness harness = context.getBean("kafkaHarness", Harness.class);
				String topic = "choreo_autoconfig_partitions_" + UUID.randomUUID();
				try (Scenario scenario = harness.scenario("kafka-topic-settings")) {
					scenario.expect(topic, fieldEquals("ok", true));
				}
				try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
					TopicDescription description = admin.describeTopics(List.of(topic))
						.allTopicNames()
						.get(30, TimeUnit.SECONDS)
						.get(topic);
					assertThat(description.partitions()).hasSize(3)
						.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(1));
				}
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("choreo.kafka.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWithoutSpringKafka() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoKafkaAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnHarness() {
		this.runner
			.withBean("kafkaHarness", Harness.class,
					() -> Harness.builder(InMemoryTransport.create()).name("mine").build())
			.run((context) -> assertThat(context.getBean("kafkaHarness", Harness.class).name()).isEqualTo("mine"));
	}

	@Test
	void usesConnectionDetailsFromAServiceConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ChoreoAutoConfiguration.class,
					ChoreoKafkaAutoConfiguration.class))
			.withBean(KafkaConnectionDetails.class, () -> () -> java.util.List.of(bootstrap))
			.run((context) -> assertThat(context.getBean(Harness.class).isConnected()).isTrue());
	}

	@Test
	void refusesABrokerThatIsNotOnTheAllowlist() {
		this.runner.withPropertyValues("spring.kafka.bootstrap-servers=kafka.prod.internal:9092")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Kafka broker 'kafka.prod.internal:9092' is not on the allowlist")
				.hasMessageContaining("add it to choreo.allowlist.kafka-brokers"));
	}

	@Test
	void acceptsABrokerListedInTheAllowlistProperties() {
		this.runner
			.withPropertyValues("spring.kafka.bootstrap-servers=kafka.prod.internal:9092",
					"choreo.allowlist.kafka-brokers=kafka.prod.internal:9092", "choreo.allowlist.loopback=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageNotContaining("is not on the allowlist"));
	}

	@Test
	void makesTheDefaultTransportPrimaryWhenSeveralBrokersAreInUse() {
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
		this.runner
			.withConfiguration(
					AutoConfigurations.of(RabbitAutoConfiguration.class, ChoreoRabbitAutoConfiguration.class))
			.withPropertyValues("choreo.default-transport=kafka")
			.run((context) -> {
				assertThat(context.getBeansOfType(Harness.class)).containsOnlyKeys("kafkaHarness", "rabbitHarness");
				assertThat(context.getBean(Harness.class).name()).isEqualTo("kafka");
				assertThat(context.getBean(Stage.class).harnessNames()).containsExactlyInAnyOrder("kafka", "rabbit");
			});
	}

}

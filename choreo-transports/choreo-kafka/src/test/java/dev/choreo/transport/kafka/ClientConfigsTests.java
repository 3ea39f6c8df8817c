package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The configurations of the transport's own clients.
 */
class ClientConfigsTests {

	private static final KafkaSettings SETTINGS = new KafkaSettings(Duration.ofSeconds(5), Duration.ofSeconds(8), true,
			null, null, "choreo-test");

	@Test
	void sendsAtOnceAndWaitsForEveryReplica() {
		Map<String, Object> producer = build(Map.of("bootstrap.servers", "kafka://broker:9092,other"), Map.of())
			.producer();
		assertThat(producer).contains(entry("bootstrap.servers", "broker:9092,other:9092"), entry("linger.ms", 0),
				entry("acks", "all"), entry("delivery.timeout.ms", 8000), entry("request.timeout.ms", 4000),
				entry("max.block.ms", 4000L), entry("max.request.size", ClientConfigs.MAX_MESSAGE_BYTES));
		assertThat((String) producer.get("client.id")).matches("choreo-test-producer-\\d+");
	}

	@Test
	void consumesCommittedRecordsOnlyWithoutAGroupAndWithAShortFetchWait() {
		Map<String, Object> app = Map.of("bootstrap.servers", "broker:9092", "group.id", "app", "group.instance.id",
				"app-1", "enable.auto.commit", true, "key.deserializer",
				"org.apache.kafka.common.serialization.StringDeserializer", "group.protocol", "consumer");
		Map<String, Object> consumer = build(app, Map.of()).consumer();
		assertThat(consumer).doesNotContainKeys("group.id", "group.instance.id", "group.protocol", "key.deserializer")
			.contains(entry("enable.auto.commit", false), entry("fetch.max.wait.ms", ClientConfigs.FETCH_MAX_WAIT_MS),
					entry("auto.offset.reset", "earliest"), entry("isolation.level", "read_committed"),
					entry("allow.auto.create.topics", false));
		assertThat((String) consumer.get("client.id")).matches("choreo-test-consumer-\\d+");
	}

	@Test
	void keepsTheApplicationsSettingsWithoutItsSerdesOrTransactions() {
		Map<String, Object> app = Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SSL",
				"ssl.truststore.location", "/etc/trust.p12", "key.serializer",
				"org.apache.kafka.common.serialization.StringSerializer", "transactional.id", "tx-1",
				"spring.json.add.type.headers", false, "linger.ms", 100, "auto.offset.reset", "latest",
				"isolation.level", "read_uncommitted");
		ClientConfigs configs = build(app, Map.of());
		assertThat(configs.producer())
			.contains(entry("security.protocol", "SSL"), entry("ssl.truststore.location", "/etc/trust.p12"),
					entry("spring.json.add.type.headers", false), entry("linger.ms", 0))
			.doesNotContainKeys("key.serializer", "transactional.id", "auto.offset.reset");
		assertThat(configs.admin()).contains(entry("security.protocol", "SSL"))
			.doesNotContainKeys("linger.ms", "auto.offset.reset", "acks");
		assertThat(configs.consumer()).contains(entry("auto.offset.reset", "earliest"),
				entry("isolation.level", "read_committed"));
	}

	@Test
	void findsTheEndOfATopicAsItsConsumerReadsIt() {
		assertThat(build(Map.of("bootstrap.servers", "broker:9092"), Map.of()).isolationLevel())
			.isEqualTo(IsolationLevel.READ_COMMITTED);
		assertThat(build(Map.of("bootstrap.servers", "broker:9092"), Map.of("isolation.level", "read_uncommitted"))
			.isolationLevel()).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
	}

	@Test
	void appliesExtraPropertiesButNeverAGroup() {
		ClientConfigs configs = build(Map.of("bootstrap.servers", "broker:9092"),
				Map.of("linger.ms", 5, "group.id", "sneaky", "client.id", "mine", "fetch.max.wait.ms", 40));
		assertThat(configs.producer()).contains(entry("linger.ms", 5)).doesNotContainKey("fetch.max.wait.ms");
		assertThat(configs.consumer()).contains(entry("fetch.max.wait.ms", 40)).doesNotContainKey("group.id");
		assertThat((String) configs.consumer().get("client.id")).startsWith("choreo-test-consumer-");
	}

	@Test
	void putsTheCredentialsInEveryClientAndForgetsThemWhenCleared() {
		ClientConfigs configs = ClientConfigs.build(Map.of("bootstrap.servers", "broker:9092"),
				Map.of("bootstrap.servers", "broker:9092"), SETTINGS, Map.of(),
				Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.jaas.config", new Password("secret jaas")));
		assertThat(configs.producer()).containsKey("sasl.jaas.config");
		assertThat(configs.consumer()).containsKey("sasl.jaas.config");
		assertThat(configs.admin()).containsKey("sasl.jaas.config");
		assertThat(configs.toString()).doesNotContain("secret");
		configs.clear();
		assertThat(configs.producer()).isEmpty();
		assertThat(configs.consumer()).isEmpty();
		assertThat(configs.admin()).isEmpty();
	}

	private static ClientConfigs build(Map<String, Object> source, Map<String, Object> extra) {
		return ClientConfigs.build(source, source, SETTINGS, extra, Map.of());
	}

}

package app;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The fixture's Kafka: the one CHOREO_KAFKA_BOOTSTRAP names, or else an in-process broker
 * from spring-kafka-test, started once per test JVM.
 */
final class KafkaBroker {

	private static String bootstrapServers;

	private KafkaBroker() {
	}

	static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			String external = System.getenv("CHOREO_KAFKA_BOOTSTRAP");
			if (external != null && !external.isBlank()) {
				bootstrapServers = external;
			}
			else {
				EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1)
					.brokerProperties(Map.of("offsets.topic.num.partitions", "1"));
				broker.afterPropertiesSet();
				Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
				bootstrapServers = broker.getBrokersAsString();
			}
		}
		return bootstrapServers;
	}

}

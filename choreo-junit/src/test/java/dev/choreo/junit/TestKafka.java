package dev.choreo.junit;

import dev.choreo.transport.tck.Brokers;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka broker of the tests: the one {@code CHOREO_KAFKA_BOOTSTRAP} names, or else an
 * in-process KRaft broker started once for the run.
 */
final class TestKafka {

	private static @Nullable EmbeddedKafkaBroker shared;

	private TestKafka() {
	}

	static synchronized String bootstrap() {
		String external = System.getenv("CHOREO_KAFKA_BOOTSTRAP");
		if (external != null && !external.isBlank()) {
			String first = external.split(",")[0].trim();
			int colon = first.lastIndexOf(':');
			Brokers.require("Kafka", first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
			return external;
		}
		if (shared == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
			shared = broker;
		}
		return shared.getBrokersAsString();
	}

}

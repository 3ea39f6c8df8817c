package dev.choreo.testcontainers;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.ClassUtils;

/**
 * An in-process KRaft Kafka broker for the rest of the JVM, when spring-kafka-test is on
 * the class path.
 */
final class EmbeddedKafka {

	private static final String BROKER_CLASS = "org.springframework.kafka.test.EmbeddedKafkaKraftBroker";

	private static volatile @Nullable String bootstrap;

	private EmbeddedKafka() {
	}

	static boolean isAvailable() {
		return ClassUtils.isPresent(BROKER_CLASS, EmbeddedKafka.class.getClassLoader());
	}

	static synchronized String start() {
		String started = bootstrap;
		if (started == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "choreo-embedded-kafka-shutdown"));
			started = broker.getBrokersAsString();
			bootstrap = started;
		}
		return started;
	}

}

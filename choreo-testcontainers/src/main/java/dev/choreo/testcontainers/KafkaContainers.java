package dev.choreo.testcontainers;

import org.testcontainers.kafka.KafkaContainer;

import org.springframework.util.ClassUtils;

/**
 * Starts a Kafka container. Kept apart so that the optional Testcontainers Kafka module
 * is only loaded when it is on the class path.
 */
final class KafkaContainers {

	private static final String CONTAINER_CLASS = "org.testcontainers.kafka.KafkaContainer";

	private KafkaContainers() {
	}

	static boolean isAvailable() {
		return ClassUtils.isPresent(CONTAINER_CLASS, KafkaContainers.class.getClassLoader());
	}

	static String start() {
		return Containers.started(new KafkaContainer("apache/kafka-native:4.1.0")).getBootstrapServers();
	}

}

package dev.choreo.testcontainers;

import java.util.function.Function;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts broker containers, once each, for the rest of the JVM (Testcontainers' reaper
 * removes them when it ends).
 */
final class Containers implements Function<Broker, String> {

	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public String apply(Broker broker) {
		return switch (broker) {
			case NATS -> started(new NatsContainer()).getServerUrl();
			case REDIS -> {
				GenericContainer<?> redis = started(
						new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379));
				yield "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
			}
			case RABBITMQ -> {
				GenericContainer<?> rabbit = started(
						new GenericContainer<>(DockerImageName.parse("rabbitmq:3.13")).withExposedPorts(5672));
				yield rabbit.getHost() + ":" + rabbit.getMappedPort(5672);
			}
			case KAFKA -> {
				GenericContainer<?> kafka = started(
						new org.testcontainers.kafka.KafkaContainer("apache/kafka-native:4.1.0"));
				yield ((org.testcontainers.kafka.KafkaContainer) kafka).getBootstrapServers();
			}
		};
	}

	private static <C extends GenericContainer<?>> C started(C container) {
		container.start();
		return container;
	}

}

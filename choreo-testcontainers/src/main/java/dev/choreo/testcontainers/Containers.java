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
			case KAFKA -> KafkaContainers.start();
		};
	}

	/**
	 * Return whether a container can be started for a broker: Kafka needs the optional
	 * Testcontainers Kafka module.
	 */
	static boolean supports(Broker broker) {
		return broker != Broker.KAFKA || KafkaContainers.isAvailable();
	}

	static <C extends GenericContainer<?>> C started(C container) {
		container.start();
		return container;
	}

}

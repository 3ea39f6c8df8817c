package dev.choreo.junit;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import dev.choreo.transport.Transport;

/**
 * A broker {@link EnableChoreo} can build a harness for: the settings that configure it,
 * and the transport module it needs. Each broker's transport is built by a class of its
 * own that is loaded only when the module is on the class path.
 */
enum Broker {

	/** Kafka, through {@code choreo-kafka}. */
	KAFKA("kafka", "choreo-kafka", "dev.choreo.transport.kafka.KafkaTransport", "KafkaTransports",
			List.of("choreo.kafka.bootstrap-servers")),

	/** RabbitMQ, through {@code choreo-rabbitmq}. */
	RABBIT("rabbit", "choreo-rabbitmq", "dev.choreo.transport.rabbitmq.RabbitTransport", "RabbitTransports",
			List.of("choreo.rabbit.uri", "choreo.rabbit.addresses", "choreo.rabbit.host", "choreo.rabbit.port")),

	/** NATS, through {@code choreo-nats}. */
	NATS("nats", "choreo-nats", "dev.choreo.transport.nats.NatsTransport", "NatsTransports",
			List.of("choreo.nats.servers")),

	/** Redis, through {@code choreo-redis}. */
	REDIS("redis", "choreo-redis", "dev.choreo.transport.redis.RedisTransport", "RedisTransports",
			List.of("choreo.redis.url"));

	private final String harnessName;

	private final String module;

	private final String transportClass;

	private final String factoryClass;

	private final List<String> connectionKeys;

	Broker(String harnessName, String module, String transportClass, String factoryClass, List<String> connectionKeys) {
		this.harnessName = harnessName;
		this.module = module;
		this.transportClass = transportClass;
		this.factoryClass = Broker.class.getPackageName() + "." + factoryClass;
		this.connectionKeys = connectionKeys;
	}

	String harnessName() {
		return this.harnessName;
	}

	/**
	 * Return whether the settings give this broker an address and do not switch it off.
	 * @param settings the settings
	 * @return whether a harness is wanted
	 */
	boolean isConfigured(ChoreoSettings settings) {
		return settings.bool("choreo." + this.harnessName + ".enabled", true)
				&& this.connectionKeys.stream().anyMatch(settings::has);
	}

	/**
	 * Build the transport the settings describe.
	 * @param settings the settings
	 * @param loader the class loader of the test class
	 * @return the transport, not connected
	 * @throws IllegalStateException if the transport module is not on the class path
	 */
	Transport transport(ChoreoSettings settings, ClassLoader loader) {
		if (!isPresent(loader)) {
			String key = this.connectionKeys.stream().filter(settings::has).findFirst().orElseThrow();
			throw new IllegalStateException(key + " is set (in " + settings.origin(key) + "), but the " + this.module
					+ " module is not on the test class path; add the test dependency dev.choreo:" + this.module
					+ ", or remove " + key);
		}
		return factory().transport(settings);
	}

	private boolean isPresent(ClassLoader loader) {
		try {
			Class.forName(this.transportClass, false, loader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private Transports factory() {
		try {
			return (Transports) Class.forName(this.factoryClass).getDeclaredConstructor().newInstance();
		}
		catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
				| InvocationTargetException ex) {
			throw new IllegalStateException("Cannot create the " + this.harnessName + " transport factory", ex);
		}
	}

	/**
	 * Builds one broker's transport from the settings; implementations refer to their
	 * transport module's classes, so they are loaded only when it is present.
	 */
	interface Transports {

		Transport transport(ChoreoSettings settings);

	}

}

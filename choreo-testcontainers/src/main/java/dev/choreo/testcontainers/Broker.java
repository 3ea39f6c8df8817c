package dev.choreo.testcontainers;

/**
 * The brokers {@link ProvisionBrokers @ProvisionBrokers} can provide.
 *
 * @since 0.1.0
 */
public enum Broker {

	/** Kafka: {@code spring.kafka.bootstrap-servers}. */
	KAFKA("Kafka", 9092),

	/** RabbitMQ: {@code spring.rabbitmq.host} and {@code port}. */
	RABBITMQ("RabbitMQ", 5672),

	/** NATS: {@code choreo.nats.servers}. */
	NATS("NATS", 4222),

	/** Redis: {@code spring.data.redis.host} and {@code port}. */
	REDIS("Redis", 6379);

	private final String displayName;

	private final int defaultPort;

	Broker(String displayName, int defaultPort) {
		this.displayName = displayName;
		this.defaultPort = defaultPort;
	}

	/**
	 * Return the name shown in messages.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return the port a local broker listens on.
	 * @return the port
	 */
	public int defaultPort() {
		return this.defaultPort;
	}

}

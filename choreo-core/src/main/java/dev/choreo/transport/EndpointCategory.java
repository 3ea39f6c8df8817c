package dev.choreo.transport;

/**
 * The categories of an {@link Allowlist}, one per kind of broker.
 *
 * @since 0.1.0
 */
public enum EndpointCategory {

	/** Endpoints of the in-memory transport (only checked when one is configured). */
	MOCK("mock_endpoints", "mock endpoint", -1),

	/** NATS servers. */
	NATS("nats_servers", "NATS server", 4222),

	/** Kafka bootstrap brokers. */
	KAFKA("kafka_brokers", "Kafka broker", 9092),

	/** RabbitMQ (AMQP 0-9-1) brokers. */
	AMQP("amqp_brokers", "RabbitMQ URL", 5672),

	/** Redis servers. */
	REDIS("redis_servers", "Redis URL", 6379);

	private final String key;

	private final String label;

	private final int defaultPort;

	EndpointCategory(String key, String label, int defaultPort) {
		this.key = key;
		this.label = label;
		this.defaultPort = defaultPort;
	}

	/**
	 * Return the key of this category in an allowlist file, such as
	 * {@code kafka_brokers}.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Return the label used in messages, such as {@code Kafka broker}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the port assumed when an endpoint names none, or {@code -1}.
	 * @return the default port
	 */
	public int defaultPort() {
		return this.defaultPort;
	}

}

package dev.choreo.sample.order;

/**
 * Where the order service reads and writes.
 */
public final class Topics {

	/** Kafka: new orders. */
	public static final String ORDERS_CREATED = "orders.created";

	/** Kafka: orders after the fraud check. */
	public static final String ORDERS_CHECKED = "orders.checked";

	/** Kafka: shipments requested for accepted orders. */
	public static final String SHIPMENTS_REQUESTED = "shipments.requested";

	/** RabbitMQ: routing key of customer notifications on {@code amq.topic}. */
	public static final String NOTIFICATIONS = "notifications.order";

	/** Redis: pub/sub channel of order statuses. */
	public static final String STATUS_CHANNEL = "orders:status";

	private Topics() {
	}

}

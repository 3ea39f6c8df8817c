package dev.choreo.transport.rabbitmq;

import org.springframework.amqp.core.Address;

/**
 * Maps Choreo topics to AMQP exchanges and routing keys, and AMQP {@code reply_to}
 * addresses to topics, both ways.
 * <ul>
 * <li>{@code orders.created}: the routing key on the transport's exchange;</li>
 * <li>{@code queue:orders}: the default exchange with the queue name as routing key, that
 * is straight to the queue {@code orders} (a reply to a request, a direct reply-to
 * queue);</li>
 * <li>{@code exchange:billing/invoice.paid}: the routing key on another exchange.</li>
 * </ul>
 * A {@code reply_to} follows Spring AMQP's convention: a plain name is a queue on the
 * default exchange, {@code exchange/routingKey} names an exchange.
 */
final class Routing {

	static final String QUEUE_PREFIX = "queue:";

	static final String EXCHANGE_PREFIX = "exchange:";

	private final String exchange;

	Routing(String exchange) {
		this.exchange = exchange;
	}

	String exchange() {
		return this.exchange;
	}

	/**
	 * Return where a topic goes.
	 * @throws IllegalArgumentException if a prefixed topic names no queue or exchange
	 */
	Destination destination(String topic) {
		if (topic.startsWith(QUEUE_PREFIX)) {
			String queue = topic.substring(QUEUE_PREFIX.length());
			if (queue.isEmpty()) {
				throw new IllegalArgumentException("The topic '" + topic + "' names no queue; use queue:<queue name>");
			}
			return new Destination("", queue);
		}
		if (topic.startsWith(EXCHANGE_PREFIX)) {
			String rest = topic.substring(EXCHANGE_PREFIX.length());
			int slash = rest.indexOf('/');
			if (slash <= 0) {
				throw new IllegalArgumentException(
						"The topic '" + topic + "' names no exchange; use exchange:<exchange name>/<routing key>");
			}
			return new Destination(rest.substring(0, slash), rest.substring(slash + 1));
		}
		return new Destination(this.exchange, topic);
	}

	/**
	 * Return the topic of a message that arrived through an exchange with a routing key.
	 */
	String topic(String exchange, String routingKey) {
		if (exchange.equals(this.exchange)) {
			return routingKey;
		}
		if (exchange.isEmpty()) {
			return QUEUE_PREFIX + routingKey;
		}
		return EXCHANGE_PREFIX + exchange + "/" + routingKey;
	}

	/**
	 * Return the {@code reply_to} property that sends replies to a topic.
	 */
	String replyAddress(String topic) {
		Destination destination = destination(topic);
		if (destination.exchange().isEmpty()) {
			return destination.routingKey();
		}
		return destination.exchange() + "/" + destination.routingKey();
	}

	/**
	 * Return the topic a {@code reply_to} property sends replies to.
	 */
	String replyTopic(String replyTo) {
		Address address = new Address(replyTo);
		return topic(address.getExchangeName(), address.getRoutingKey());
	}

	/**
	 * An exchange and a routing key.
	 *
	 * @param exchange the exchange, empty for the default exchange
	 * @param routingKey the routing key
	 */
	record Destination(String exchange, String routingKey) {

		boolean isQueue() {
			return this.exchange.isEmpty();
		}

	}

}

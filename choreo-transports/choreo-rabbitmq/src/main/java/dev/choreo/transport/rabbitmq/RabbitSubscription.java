package dev.choreo.transport.rabbitmq;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: its own channel with an exclusive, auto-delete, non-durable queue
 * bound with the routing key, and a consumer the broker confirmed. After a connection
 * loss it is attached again to the new connection, with a new queue.
 */
final class RabbitSubscription implements Subscription {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	private static final int PREFETCH = 256;

	private final String topic;

	private final Routing.Destination destination;

	private final Routing routing;

	private final InboundHandler handler;

	private final RabbitSession session;

	private @Nullable Channel channel;

	private @Nullable String queue;

	private @Nullable String consumerTag;

	RabbitSubscription(String topic, Routing routing, InboundHandler handler, RabbitSession session) {
		this.topic = topic;
		this.destination = routing.destination(topic);
		this.routing = routing;
		this.handler = handler;
		this.session = session;
	}

	@Override
	public String topic() {
		return this.topic;
	}

	synchronized @Nullable String queue() {
		return this.queue;
	}

	/**
	 * Declare and bind a new queue on the connection and start consuming from it; returns
	 * once the broker sent consume-ok.
	 */
	synchronized void attach(Connection connection) throws IOException {
		Channel channel = createChannel(connection);
		try {
			channel.basicQos(PREFETCH);
			String queue = channel.queueDeclare(newQueueName(), false, true, true, null).getQueue();
			channel.queueBind(queue, this.destination.exchange(), this.destination.routingKey());
			this.consumerTag = channel.basicConsume(queue, false, new Delivery(channel));
			this.channel = channel;
			this.queue = queue;
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	private static String newQueueName() {
		return "choreo." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/**
	 * Cancel the consumer, delete the queue and close the channel, ignoring a connection
	 * that is already gone.
	 */
	synchronized void detach() {
		Channel channel = this.channel;
		String queue = this.queue;
		String consumerTag = this.consumerTag;
		this.channel = null;
		this.queue = null;
		this.consumerTag = null;
		if (channel == null) {
			return;
		}
		if (!channel.isOpen()) {
			deleteElsewhere(channel.getConnection(), queue);
			return;
		}
		try {
			if (consumerTag != null) {
				channel.basicCancel(consumerTag);
			}
			if (queue != null) {
				channel.queueDelete(queue);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not remove the queue of '{}': {}", this.topic, RabbitTransport.describe(ex));
		}
		finally {
			closeQuietly(channel);
		}
	}

	/**
	 * Delete the queue of a channel the broker closed while the connection lives on: an
	 * exclusive queue would otherwise stay until the connection closes.
	 */
	private void deleteElsewhere(Connection connection, @Nullable String queue) {
		if (queue == null || !connection.isOpen()) {
			return;
		}
		try {
			Channel channel = createChannel(connection);
			try {
				channel.queueDelete(queue);
			}
			finally {
				closeQuietly(channel);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not remove the queue of '{}': {}", this.topic, RabbitTransport.describe(ex));
		}
	}

	@Override
	public void unsubscribe() {
		this.session.unsubscribe(this);
	}

	static Channel createChannel(Connection connection) throws IOException {
		Channel channel = connection.createChannel();
		if (channel == null) {
			throw new IOException("no channel number is free on the connection");
		}
		return channel;
	}

	static void closeQuietly(Channel channel) {
		try {
			if (channel.isOpen()) {
				channel.close();
			}
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			// the channel or its connection is already closed
		}
	}

	@Override
	public String toString() {
		return "RabbitSubscription[topic=" + this.topic + "]";
	}

	/**
	 * Hands each delivery to the handler, then acks it.
	 */
	private final class Delivery extends DefaultConsumer {

		Delivery(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			try {
				RabbitSubscription.this.handler
					.onMessage(RabbitMessages.inbound(envelope, properties, body, RabbitSubscription.this.routing));
			}
			catch (RuntimeException | Error ex) {
				// an error reaching the client would close the channel under a strict
				// exception handler, and the subscription with it
				logger.warn("Handling a message on '{}' raised {}", envelope.getRoutingKey(), ex.getClass().getName());
			}
			finally {
				ack(envelope.getDeliveryTag());
			}
		}

		private void ack(long deliveryTag) {
			try {
				getChannel().basicAck(deliveryTag, false);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Could not ack a message: {}", RabbitTransport.describe(ex));
			}
		}

		@Override
		public void handleCancel(String consumerTag) {
			logger.warn("RabbitMQ cancelled the consumer of '{}' (its queue was deleted)",
					RabbitSubscription.this.topic);
		}

	}

}

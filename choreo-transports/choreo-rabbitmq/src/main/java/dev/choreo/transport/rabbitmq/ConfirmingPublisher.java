package dev.choreo.transport.rabbitmq;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel in confirm mode that publishes every message as mandatory and tells each
 * message's callback what the broker said: {@code onSent} on an ack, {@code onError} on a
 * nack or when the channel closes first. A message the broker returns as unroutable (no
 * queue bound to its routing key) is still acked, so it counts as sent.
 */
final class ConfirmingPublisher {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	private final Channel channel;

	private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();

	private ConfirmingPublisher(Channel channel) {
		this.channel = channel;
	}

	static ConfirmingPublisher open(Connection connection) throws IOException {
		Channel channel = RabbitSubscription.createChannel(connection);
		try {
			channel.confirmSelect();
		}
		catch (IOException | RuntimeException ex) {
			RabbitSubscription.closeQuietly(channel);
			throw ex;
		}
		ConfirmingPublisher publisher = new ConfirmingPublisher(channel);
		channel.addConfirmListener((tag, multiple) -> publisher.confirmed(tag, multiple, true),
				(tag, multiple) -> publisher.confirmed(tag, multiple, false));
		channel.addReturnListener(ConfirmingPublisher::returned);
		channel.addShutdownListener(publisher::closed);
		return publisher;
	}

	boolean isOpen() {
		return this.channel.isOpen();
	}

	/**
	 * Publish a message; the callback hears the outcome exactly once, also when
	 * publishing fails at once.
	 */
	synchronized void publish(Routing.Destination destination, AMQP.BasicProperties properties, byte[] body,
			String topic, PublishCallback callback) {
		Pending entry = new Pending(topic, callback);
		long sequence = this.channel.getNextPublishSeqNo();
		this.pending.put(sequence, entry);
		try {
			this.channel.basicPublish(destination.exchange(), destination.routingKey(), true, properties, body);
		}
		catch (IOException | RuntimeException ex) {
			this.pending.remove(sequence);
			entry.fail(new TransportException(
					"RabbitMQ publish to '" + topic + "' failed: " + RabbitTransport.describe(ex), ex));
		}
	}

	private void confirmed(long tag, boolean multiple, boolean ack) {
		Map<Long, Pending> done = multiple ? this.pending.headMap(tag, true)
				: this.pending.subMap(tag, true, tag, true);
		for (Long sequence : done.keySet()) {
			Pending entry = this.pending.remove(sequence);
			if (entry == null) {
				continue;
			}
			if (ack) {
				entry.sent();
			}
			else {
				entry.fail(new TransportException("RabbitMQ refused the message published to '" + entry.topic()
						+ "' (basic.nack: a queue it was routed to rejects new messages, or the broker failed)"));
			}
		}
	}

	private static void returned(Return returned) {
		logger.debug("RabbitMQ returned an unroutable message (exchange '{}', routing key '{}'): {} {}",
				returned.getExchange(), returned.getRoutingKey(), returned.getReplyCode(), returned.getReplyText());
	}

	private void closed(ShutdownSignalException cause) {
		failAll("the channel closed before the broker confirmed it: " + RabbitTransport.describe(cause));
	}

	private void failAll(String reason) {
		for (Long sequence : this.pending.keySet()) {
			Pending entry = this.pending.remove(sequence);
			if (entry != null) {
				entry.fail(new TransportException(
						"RabbitMQ publish to '" + entry.topic() + "' is not confirmed: " + reason));
			}
		}
	}

	/**
	 * Wait a little for outstanding confirms, then close the channel.
	 */
	void close(Duration wait) {
		try {
			if (this.channel.isOpen() && !this.pending.isEmpty()) {
				this.channel.waitForConfirms(wait.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException | RuntimeException ex) {
			// the remaining messages are failed below
		}
		RabbitSubscription.closeQuietly(this.channel);
		failAll("the transport closed before the broker confirmed it");
	}

	/**
	 * One message waiting for its confirm.
	 */
	private static final class Pending {

		private final String topic;

		private final PublishCallback callback;

		private final AtomicBoolean done = new AtomicBoolean();

		Pending(String topic, PublishCallback callback) {
			this.topic = topic;
			this.callback = callback;
		}

		String topic() {
			return this.topic;
		}

		void sent() {
			if (this.done.compareAndSet(false, true)) {
				try {
					this.callback.onSent();
				}
				catch (RuntimeException ex) {
					logger.warn("A publish callback raised {}", ex.getClass().getName());
				}
			}
		}

		void fail(Throwable error) {
			if (this.done.compareAndSet(false, true)) {
				try {
					this.callback.onError(error);
				}
				catch (RuntimeException ex) {
					logger.warn("A publish callback raised {}", ex.getClass().getName());
				}
			}
		}

	}

}

package dev.choreo.transport.tck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw deliveries in transport tests: subscribe a queue to a topic, take the next message
 * from it within a time limit, read a payload as text.
 */
public final class Deliveries {

	private Deliveries() {
	}

	/**
	 * Subscribe a queue to a topic and wait until the subscription is live.
	 * @param transport the connected transport
	 * @param topic the topic
	 * @param into the queue every message is added to
	 * @param wait how long the subscription may take
	 * @return the live subscription
	 * @throws Exception if subscribing failed or took longer
	 */
	public static Subscription subscribe(Transport transport, String topic, BlockingQueue<TransportMessage> into,
			Duration wait) throws Exception {
		return transport.subscribe(topic, into::add).toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Take the next message, failing the test if none arrives in time.
	 * @param queue the queue a subscription fills
	 * @param wait how long to wait
	 * @return the message
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static TransportMessage next(BlockingQueue<TransportMessage> queue, Duration wait)
			throws InterruptedException {
		TransportMessage message = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(message).as("a message within %s", wait).isNotNull();
		return message;
	}

	/**
	 * Read a message's payload as UTF-8 text.
	 * @param message the message
	 * @return the text
	 */
	public static String text(TransportMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}

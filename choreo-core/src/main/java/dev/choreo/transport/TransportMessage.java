package dev.choreo.transport;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message on the wire, in either direction: topic, payload bytes and the metadata the
 * transport carries.
 *
 * @param topic the topic (subject, routing key, channel) the message was sent to or
 * arrived on
 * @param payload the payload bytes; do not modify the array
 * @param headers the headers, empty when none
 * @param key the message key (Kafka), or {@code null}
 * @param replyTo the address a reply should go to (a NATS inbox, an AMQP
 * {@code reply_to}, a Kafka reply topic), or {@code null}
 * @since 0.1.0
 */
public record TransportMessage(String topic, byte[] payload, Map<String, String> headers, @Nullable String key,
		@Nullable String replyTo) {

	/**
	 * Create a new instance.
	 * @param topic the topic
	 * @param payload the payload bytes
	 * @param headers the headers
	 * @param key the key, or {@code null}
	 * @param replyTo the reply address, or {@code null}
	 */
	public TransportMessage {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(payload, "payload");
		headers = Map.copyOf(headers);
	}

	/**
	 * Create a message with only a topic and a payload.
	 * @param topic the topic
	 * @param payload the payload bytes
	 * @return the message
	 */
	public static TransportMessage of(String topic, byte[] payload) {
		return new TransportMessage(topic, payload, Map.of(), null, null);
	}

	/**
	 * Return a copy of this message sent to another topic.
	 * @param topic the topic
	 * @return the copy
	 */
	public TransportMessage withTopic(String topic) {
		return new TransportMessage(topic, this.payload, this.headers, this.key, this.replyTo);
	}

	@Override
	public String toString() {
		return "TransportMessage[topic=" + this.topic + ", bytes=" + this.payload.length + ", headers="
				+ this.headers.keySet() + "]";
	}

}

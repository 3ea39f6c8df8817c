package dev.choreo.match;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message as a {@link MessageMatcher} sees it: the topic it arrived on, the decoded
 * payload, the raw bytes, and the metadata the transport carried.
 *
 * @since 0.1.0
 */
public final class ReceivedMessage {

	private final String topic;

	private final @Nullable Object payload;

	private final byte[] raw;

	private final Map<String, String> headers;

	private final @Nullable String key;

	/**
	 * Create a new instance.
	 * @param topic the topic (subject, routing key, channel) the message arrived on
	 * @param payload the decoded payload
	 * @param raw the raw bytes
	 * @param headers the message headers, empty when the transport carries none
	 * @param key the message key (Kafka), or {@code null}
	 */
	public ReceivedMessage(String topic, @Nullable Object payload, byte[] raw, Map<String, String> headers,
			@Nullable String key) {
		this.topic = Objects.requireNonNull(topic, "topic");
		this.payload = payload;
		this.raw = Objects.requireNonNull(raw, "raw");
		this.headers = Map.copyOf(headers);
		this.key = key;
	}

	/**
	 * Create a message that carries only a payload, as used when a matcher is applied to
	 * a plain value.
	 * @param payload the decoded payload
	 * @return the message
	 */
	public static ReceivedMessage ofPayload(@Nullable Object payload) {
		byte[] raw = (payload instanceof byte[] bytes) ? bytes : new byte[0];
		return new ReceivedMessage("", payload, raw, Map.of(), null);
	}

	/**
	 * Return the topic the message arrived on.
	 * @return the topic
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * Return the decoded payload.
	 * @return the payload
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * Return the raw bytes. The array is shared: do not modify it.
	 * @return the raw bytes
	 */
	public byte[] raw() {
		return this.raw;
	}

	/**
	 * Return the headers.
	 * @return the headers, never {@code null}
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the key, or {@code null}.
	 * @return the key
	 */
	public @Nullable String key() {
		return this.key;
	}

	@Override
	public String toString() {
		return "ReceivedMessage[topic=" + this.topic + ", bytes=" + this.raw.length + "]";
	}

}

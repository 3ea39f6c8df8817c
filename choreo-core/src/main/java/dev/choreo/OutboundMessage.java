package dev.choreo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A payload to publish together with headers, a key or a reply address. Pass it wherever
 * a payload is accepted: <pre class="code">
 * scenario.publish("orders.created", OutboundMessage.of(order).withKey("ORD-42").withHeader("tenant", "acme"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class OutboundMessage {

	private final @Nullable Object payload;

	private final Map<String, String> headers;

	private final @Nullable String key;

	private final @Nullable String replyTo;

	private OutboundMessage(@Nullable Object payload, Map<String, String> headers, @Nullable String key,
			@Nullable String replyTo) {
		this.payload = payload;
		this.headers = headers;
		this.key = key;
		this.replyTo = replyTo;
	}

	/**
	 * Create a message with a payload.
	 * @param payload the payload: a {@code byte[]} is sent unchanged, anything else
	 * through the harness codec
	 * @return the message
	 */
	public static OutboundMessage of(@Nullable Object payload) {
		return new OutboundMessage(payload, Map.of(), null, null);
	}

	/**
	 * Return a copy with one more header.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 */
	public OutboundMessage withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return new OutboundMessage(this.payload, Map.copyOf(headers), this.key, this.replyTo);
	}

	/**
	 * Return a copy with a key (used by Kafka for partitioning).
	 * @param key the key
	 * @return the copy
	 */
	public OutboundMessage withKey(String key) {
		return new OutboundMessage(this.payload, this.headers, Objects.requireNonNull(key, "key"), this.replyTo);
	}

	/**
	 * Return a copy with a reply address (a NATS subject, an AMQP routing key).
	 * @param replyTo the reply address
	 * @return the copy
	 */
	public OutboundMessage withReplyTo(String replyTo) {
		return new OutboundMessage(this.payload, this.headers, this.key, Objects.requireNonNull(replyTo, "replyTo"));
	}

	/**
	 * Return the payload.
	 * @return the payload
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * Return the headers.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the key.
	 * @return the key or {@code null}
	 */
	public @Nullable String key() {
		return this.key;
	}

	/**
	 * Return the reply address.
	 * @return the reply address or {@code null}
	 */
	public @Nullable String replyTo() {
		return this.replyTo;
	}

	OutboundMessage withPayloadAndHeaders(@Nullable Object payload, Map<String, String> headers) {
		return new OutboundMessage(payload, headers, this.key, this.replyTo);
	}

	@Override
	public String toString() {
		return "OutboundMessage[headers=" + this.headers.keySet() + (this.key != null ? ", key" : "") + "]";
	}

}

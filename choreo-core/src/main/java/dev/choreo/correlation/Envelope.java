package dev.choreo.correlation;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message as a {@link CorrelationPolicy} sees it: topic, payload and headers.
 * Immutable; a policy that changes something returns a new envelope.
 *
 * @param topic the topic
 * @param payload the payload: a decoded value on the way in, the value being published on
 * the way out
 * @param headers the headers, empty when none
 * @since 0.1.0
 */
public record Envelope(String topic, @Nullable Object payload, Map<String, String> headers) {

	/**
	 * Create a new instance.
	 * @param topic the topic
	 * @param payload the payload
	 * @param headers the headers
	 */
	public Envelope {
		Objects.requireNonNull(topic, "topic");
		headers = Map.copyOf(headers);
	}

	/**
	 * Create an envelope without headers.
	 * @param topic the topic
	 * @param payload the payload
	 * @return the envelope
	 */
	public static Envelope of(String topic, @Nullable Object payload) {
		return new Envelope(topic, payload, Map.of());
	}

	/**
	 * Return a copy with another payload.
	 * @param payload the payload
	 * @return the copy
	 */
	public Envelope withPayload(@Nullable Object payload) {
		return new Envelope(this.topic, payload, this.headers);
	}

	/**
	 * Return a copy with another set of headers.
	 * @param headers the headers
	 * @return the copy
	 */
	public Envelope withHeaders(Map<String, String> headers) {
		return new Envelope(this.topic, this.payload, headers);
	}

	@Override
	public String toString() {
		return "Envelope[topic=" + this.topic + ", headers=" + this.headers.keySet() + "]";
	}

}

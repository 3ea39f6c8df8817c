package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.correlation.Envelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps a scope's correlation id on what it publishes (its own messages and its
 * replies), and says once per harness and topic when a payload cannot carry the id.
 */
final class Stamping {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Scenario.class);

		private Log() {
		}

	}

	private Stamping() {
	}

	/**
	 * Stamp the id on a message.
	 * @param harness the harness that publishes
	 * @param topic the topic
	 * @param message the message
	 * @param id the wire id, or {@code null} when the harness does not correlate
	 * @return the stamped message, and whether it already carried another id
	 */
	static Stamped stamp(Harness harness, String topic, OutboundMessage message, @Nullable String id) {
		CorrelationPolicy policy = harness.correlation();
		Object payload = message.payload();
		if (id == null) {
			return new Stamped(message, false);
		}
		if (payload instanceof byte[] && !policy.usesHeaders()) {
			warnUncarried(harness, topic, payload);
			return new Stamped(message, false);
		}
		Object plain = harness.codec().toPlain(payload);
		Envelope stamped = write(policy, new Envelope(topic, plain, message.headers()), id);
		String carried = carried(harness, policy, stamped, id);
		if (carried == null && !policy.usesHeaders()) {
			warnUncarried(harness, topic, stamped.payload());
		}
		return new Stamped(message.withPayloadAndHeaders(stamped.payload(), stamped.headers()),
				carried != null && !carried.equals(id));
	}

	static Envelope write(CorrelationPolicy policy, Envelope envelope, String correlationId) {
		try {
			Envelope stamped = policy.write(envelope, correlationId);
			if (stamped == null) {
				throw new IllegalStateException("write returned null");
			}
			return stamped;
		}
		catch (CorrelationIdNotInNamespaceException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			throw new CorrelationPolicyException(policy, "write", ex);
		}
	}

	/**
	 * Read back the id a stamped message carries, as a receiver would see it; a policy
	 * that cannot read it is taken at its word.
	 */
	private static @Nullable String carried(Harness harness, CorrelationPolicy policy, Envelope stamped, String id) {
		Object payload = stamped.payload();
		if (payload instanceof String text && !policy.usesHeaders()) {
			payload = harness.codec().decode(text.getBytes(StandardCharsets.UTF_8));
		}
		try {
			return policy.read(new Envelope(stamped.topic(), payload, stamped.headers()));
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			return id;
		}
	}

	private static void warnUncarried(Harness harness, String topic, @Nullable Object payload) {
		if (!harness.firstTime("uncarried:" + topic)) {
			return;
		}
		Log.logger.warn("Harness '{}' cannot put the correlation id on messages to '{}': {} cannot carry {}, so the"
				+ " messages it causes carry no id either and count for no scenario; publish a Map, a record or JSON"
				+ " object text, or use CorrelationPolicy.header(...)", harness.name(), topic, kind(payload),
				harness.correlation().idLocation());
	}

	private static String kind(@Nullable Object payload) {
		if (payload instanceof byte[]) {
			return "a byte[] payload";
		}
		if (payload instanceof String) {
			return "text that is not a JSON object";
		}
		if (payload instanceof Map) {
			return "this payload";
		}
		return "a " + Texts.typeName(payload) + " payload";
	}

	/**
	 * A stamped message.
	 *
	 * @param message the message to publish
	 * @param overridden whether it carries an id other than the scope's
	 */
	record Stamped(OutboundMessage message, boolean overridden) {
	}

}

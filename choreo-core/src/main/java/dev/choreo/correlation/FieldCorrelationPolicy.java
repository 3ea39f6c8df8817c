package dev.choreo.correlation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the id in a top-level field of map payloads. Payloads that are not maps are left
 * alone on the way out and carry no id on the way in. A payload that already has the
 * field keeps its value.
 */
final class FieldCorrelationPolicy implements CorrelationPolicy {

	private final String field;

	private final String prefix;

	FieldCorrelationPolicy(String field, String prefix) {
		this.field = requireText(field, "field");
		this.prefix = Objects.requireNonNull(prefix, "prefix");
	}

	static String requireText(String value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException("Correlation " + name + " must not be blank");
		}
		return value;
	}

	@Override
	public String newId() {
		return CorrelationIds.next(this.prefix);
	}

	@Override
	public Envelope write(Envelope envelope, String correlationId) {
		if (!(envelope.payload() instanceof Map<?, ?> payload)) {
			return envelope;
		}
		CorrelationIds.checkNamespace(this.prefix, correlationId);
		if (payload.containsKey(this.field)) {
			CorrelationIds.checkNamespace(this.prefix, payload.get(this.field));
			return envelope;
		}
		Map<Object, @Nullable Object> stamped = new LinkedHashMap<>(payload);
		stamped.put(this.field, correlationId);
		return envelope.withPayload(stamped);
	}

	@Override
	public @Nullable String read(Envelope envelope) {
		if (envelope.payload() instanceof Map<?, ?> payload && payload.get(this.field) instanceof String id) {
			return id;
		}
		return null;
	}

	@Override
	public boolean routesByCorrelation() {
		return true;
	}

	@Override
	public String toString() {
		return "CorrelationPolicy.field(" + this.field + (this.prefix.isEmpty() ? "" : ", prefix " + this.prefix) + ")";
	}

}

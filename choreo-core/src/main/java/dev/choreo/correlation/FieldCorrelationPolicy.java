package dev.choreo.correlation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the id in a top-level field of map payloads. A text payload that holds a JSON
 * object gets the field inserted right after its opening brace and stays text, the rest
 * of it untouched. Other payloads are left alone on the way out and carry no id on the
 * way in. A payload that already has the field keeps its value.
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
		if (envelope.payload() instanceof String text) {
			return writeText(envelope, text, correlationId);
		}
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

	private Envelope writeText(Envelope envelope, String text, String correlationId) {
		JsonNode tree = parse(text);
		if (tree == null || !tree.isObject()) {
			return envelope;
		}
		CorrelationIds.checkNamespace(this.prefix, correlationId);
		JsonNode existing = tree.get(this.field);
		if (existing != null) {
			CorrelationIds.checkNamespace(this.prefix, existing.isString() ? existing.asString() : existing.toString());
			return envelope;
		}
		int brace = text.indexOf('{');
		String member = Json.mapper.writeValueAsString(this.field) + ":"
				+ Json.mapper.writeValueAsString(correlationId);
		String stamped = text.substring(0, brace + 1) + member + (tree.isEmpty() ? "" : ",")
				+ text.substring(brace + 1);
		return envelope.withPayload(stamped);
	}

	private static @Nullable JsonNode parse(String text) {
		String trimmed = text.strip();
		if (!trimmed.startsWith("{")) {
			return null;
		}
		try {
			return Json.mapper.readTree(trimmed);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@Override
	public @Nullable String read(Envelope envelope) {
		if (envelope.payload() instanceof Map<?, ?> payload && payload.get(this.field) instanceof String id) {
			return id;
		}
		return null;
	}

	@Override
	public String idLocation() {
		return "field '" + this.field + "'";
	}

	@Override
	public boolean routesByCorrelation() {
		return true;
	}

	@Override
	public String toString() {
		return "CorrelationPolicy.field(" + this.field + (this.prefix.isEmpty() ? "" : ", prefix " + this.prefix) + ")";
	}

	/**
	 * Jackson, made on first use: only text payloads need it.
	 */
	private static final class Json {

		static final JsonMapper mapper = JsonMapper.builder().build();

		private Json() {
		}

	}

}

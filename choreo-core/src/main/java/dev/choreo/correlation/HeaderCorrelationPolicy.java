package dev.choreo.correlation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the id in a message header. A message that already carries the header keeps its
 * value.
 */
final class HeaderCorrelationPolicy implements CorrelationPolicy {

	private final String header;

	private final String prefix;

	HeaderCorrelationPolicy(String header, String prefix) {
		this.header = FieldCorrelationPolicy.requireText(header, "header");
		this.prefix = Objects.requireNonNull(prefix, "prefix");
	}

	@Override
	public String newId() {
		return CorrelationIds.next(this.prefix);
	}

	@Override
	public Envelope write(Envelope envelope, String correlationId) {
		CorrelationIds.checkNamespace(this.prefix, correlationId);
		String existing = envelope.headers().get(this.header);
		if (existing != null) {
			CorrelationIds.checkNamespace(this.prefix, existing);
			return envelope;
		}
		Map<String, String> headers = new LinkedHashMap<>(envelope.headers());
		headers.put(this.header, correlationId);
		return envelope.withHeaders(headers);
	}

	@Override
	public @Nullable String read(Envelope envelope) {
		return envelope.headers().get(this.header);
	}

	@Override
	public String idLocation() {
		return "header '" + this.header + "'";
	}

	@Override
	public boolean routesByCorrelation() {
		return true;
	}

	@Override
	public boolean usesHeaders() {
		return true;
	}

	@Override
	public String toString() {
		return "CorrelationPolicy.header(" + this.header + (this.prefix.isEmpty() ? "" : ", prefix " + this.prefix)
				+ ")";
	}

}

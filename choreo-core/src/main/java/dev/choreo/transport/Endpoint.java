package dev.choreo.transport;

import java.util.Objects;

/**
 * A network endpoint a transport would contact, checked against the {@link Allowlist}
 * before any socket opens.
 *
 * @param category the kind of endpoint
 * @param value the endpoint as configured: a URL or {@code host:port}, possibly with
 * credentials (they are redacted wherever the value is shown)
 * @since 0.1.0
 */
public record Endpoint(EndpointCategory category, String value) {

	/**
	 * Create a new instance.
	 * @param category the kind of endpoint
	 * @param value the endpoint as configured
	 */
	public Endpoint {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.category.label() + " " + SafeUrl.redact(this.value);
	}

}

package dev.choreo.testcontainers;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a broker was provided: the properties that point the application at it and where it
 * came from, or why it could not be provided.
 *
 * @param broker the broker
 * @param properties the properties, empty when missing
 * @param source where it came from ({@code local}, {@code container}, {@code embedded},
 * or {@code the environment variable} and its name)
 * @param missingReason why the broker could not be provided, or {@code null}
 */
record Provision(Broker broker, Map<String, String> properties, String source, @Nullable String missingReason) {

	static Provision provided(Broker broker, String source, Map<String, String> properties) {
		return new Provision(broker, Map.copyOf(properties), source, null);
	}

	static Provision missing(Broker broker, String reason) {
		return new Provision(broker, Map.of(), "missing", reason);
	}

	boolean isMissing() {
		return this.missingReason != null;
	}

}

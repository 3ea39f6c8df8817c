package dev.choreo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@link CorrelationBridge} with one mapping per harness; harnesses without a mapping
 * use the logical id unchanged. <pre class="code">
 * CorrelationBridge bridge = MappedBridge.builder()
 *     .map("nats", (logical) -&gt; "nats-" + logical)
 *     .map("kafka", (logical) -&gt; "kafka-" + logical)
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class MappedBridge implements CorrelationBridge {

	private final Map<String, UnaryOperator<String>> mappings;

	private MappedBridge(Map<String, UnaryOperator<String>> mappings) {
		this.mappings = Map.copyOf(mappings);
	}

	/**
	 * Start building a bridge.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String wireId(String harness, String logicalId) {
		UnaryOperator<String> mapping = this.mappings.get(harness);
		return (mapping != null) ? mapping.apply(logicalId) : logicalId;
	}

	@Override
	public String toString() {
		return "MappedBridge" + this.mappings.keySet();
	}

	/**
	 * Builds a {@link MappedBridge}.
	 */
	public static final class Builder {

		private final Map<String, UnaryOperator<String>> mappings = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Map the logical id to the wire id of one harness.
		 * @param harness the harness name in the stage
		 * @param mapping turns the logical id into the wire id
		 * @return this builder
		 */
		public Builder map(String harness, UnaryOperator<String> mapping) {
			this.mappings.put(Objects.requireNonNull(harness, "harness"), Objects.requireNonNull(mapping, "mapping"));
			return this;
		}

		/**
		 * Build the bridge.
		 * @return the bridge
		 */
		public MappedBridge build() {
			return new MappedBridge(this.mappings);
		}

	}

}

package dev.choreo.transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The endpoints tests may contact, per {@link EndpointCategory}. A transport's endpoints
 * are {@link #check(List) checked} before it connects, so a test configured against a
 * production broker fails before any socket opens.
 * <p>
 * An endpoint is allowed when its exact text is listed in its category, when its
 * normalised form (lower-case host and port, credentials and scheme ignored, the
 * category's default port when none is given) equals that of a listed entry, or when its
 * host is loopback ({@code localhost}, {@code 127.x.y.z}, {@code ::1}) and loopback is
 * allowed, which it is by default. Names are never resolved.
 * <p>
 * A file is a flat YAML mapping: <pre class="code">
 * allow_loopback: true
 * kafka_brokers: [kafka.test.internal:9092]
 * nats_servers: ["nats://nats.test.internal:4222"]
 * </pre> Unknown keys are ignored, so one file can serve several transports.
 *
 * @since 0.1.0
 */
public final class Allowlist {

	private static final String BUILT_IN_CODE = "built in code";

	private final Map<EndpointCategory, List<String>> values;

	private final Map<EndpointCategory, Set<HostPort>> normalised;

	private final boolean allowLoopback;

	private final String source;

	private Allowlist(Map<EndpointCategory, List<String>> values, boolean allowLoopback, String source) {
		this.values = values;
		this.normalised = normalise(values);
		this.allowLoopback = allowLoopback;
		this.source = source;
	}

	private static Map<EndpointCategory, Set<HostPort>> normalise(Map<EndpointCategory, List<String>> values) {
		Map<EndpointCategory, Set<HostPort>> normalised = new EnumMap<>(EndpointCategory.class);
		values.forEach((category, entries) -> {
			Set<HostPort> forms = new HashSet<>();
			for (String entry : entries) {
				HostPort form = HostPort.parse(entry, category);
				if (form != null) {
					forms.add(form);
				}
			}
			normalised.put(category, forms);
		});
		return normalised;
	}

	/**
	 * Return an allowlist that lists nothing and allows loopback endpoints only.
	 * @return the allowlist
	 */
	public static Allowlist loopbackOnly() {
		return builder().build();
	}

	/**
	 * Load an allowlist from a YAML file.
	 * @param file the file; it becomes the {@link #source()}
	 * @return the allowlist
	 * @throws AllowlistConfigException if the file is missing, unreadable, not YAML or
	 * not shaped as an allowlist
	 */
	public static Allowlist load(Path file) {
		return parse(AllowlistYaml.read(file), file.toString());
	}

	/**
	 * Parse an allowlist from YAML text. Empty text gives an empty allowlist.
	 * @param yaml the YAML text
	 * @param source where the text came from, shown in messages
	 * @return the allowlist
	 * @throws AllowlistConfigException if the text is not YAML or not shaped as an
	 * allowlist
	 */
	public static Allowlist parse(String yaml, String source) {
		return AllowlistYaml.parse(yaml, source);
	}

	/**
	 * Return a builder for an allowlist built in code.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Check that every endpoint is allowed.
	 * @param endpoints the endpoints a transport would contact
	 * @throws EndpointNotAllowedException for the first endpoint that is not allowed
	 */
	public void check(List<Endpoint> endpoints) {
		for (Endpoint endpoint : endpoints) {
			check(endpoint);
		}
	}

	private void check(Endpoint endpoint) {
		if (get(endpoint.category()).contains(endpoint.value())) {
			return;
		}
		HostPort form = HostPort.parse(endpoint.value(), endpoint.category());
		if (form != null && isAllowed(endpoint.category(), form)) {
			return;
		}
		boolean loopbackRefused = form != null && form.isLoopback();
		throw new EndpointNotAllowedException(endpoint, this.source, loopbackRefused);
	}

	private boolean isAllowed(EndpointCategory category, HostPort form) {
		return (this.allowLoopback && form.isLoopback())
				|| this.normalised.getOrDefault(category, Set.of()).contains(form);
	}

	/**
	 * Return the values listed for a category, as written.
	 * @param category the category
	 * @return the values, empty if none are listed
	 */
	public List<String> get(EndpointCategory category) {
		return this.values.getOrDefault(category, List.of());
	}

	/**
	 * Return whether loopback endpoints are allowed without being listed.
	 * @return whether loopback is allowed
	 */
	public boolean allowsLoopback() {
		return this.allowLoopback;
	}

	/**
	 * Return where this allowlist came from: the file path as given, or
	 * {@code built in code}.
	 * @return the source
	 */
	public String source() {
		return this.source;
	}

	@Override
	public String toString() {
		StringJoiner result = new StringJoiner(", ", "Allowlist[", "]");
		result.add("source=" + this.source).add("allowLoopback=" + this.allowLoopback);
		this.values.forEach((category, entries) -> result.add(category.key() + "=" + entries.size()));
		return result.toString();
	}

	/**
	 * Builds an {@link Allowlist} in code.
	 */
	public static final class Builder {

		private final Map<EndpointCategory, List<String>> values = new EnumMap<>(EndpointCategory.class);

		private boolean allowLoopback = true;

		private String source = BUILT_IN_CODE;

		private Builder() {
		}

		/**
		 * Allow endpoints in a category, in addition to those already allowed.
		 * @param category the category
		 * @param values the endpoints: URLs, {@code host:port} or bare hosts
		 * @return this builder
		 */
		public Builder allow(EndpointCategory category, String... values) {
			List<String> entries = this.values.computeIfAbsent(Objects.requireNonNull(category, "category"),
					(key) -> new ArrayList<>());
			for (String value : values) {
				entries.add(Objects.requireNonNull(value, "value"));
			}
			return this;
		}

		/**
		 * Set whether loopback endpoints are allowed without being listed.
		 * @param allow whether to allow loopback; {@code true} by default
		 * @return this builder
		 */
		public Builder allowLoopback(boolean allow) {
			this.allowLoopback = allow;
			return this;
		}

		/**
		 * Set where the allowlist comes from, shown in messages.
		 * @param source the source; {@code built in code} by default
		 * @return this builder
		 */
		public Builder source(String source) {
			this.source = Objects.requireNonNull(source, "source");
			return this;
		}

		/**
		 * Build the allowlist. Later changes to this builder do not affect it.
		 * @return the allowlist
		 */
		public Allowlist build() {
			Map<EndpointCategory, List<String>> copy = new EnumMap<>(EndpointCategory.class);
			this.values.forEach((category, entries) -> copy.put(category, List.copyOf(entries)));
			return new Allowlist(Collections.unmodifiableMap(copy), this.allowLoopback, this.source);
		}

	}

}

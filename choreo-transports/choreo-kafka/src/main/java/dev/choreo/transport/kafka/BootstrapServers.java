package dev.choreo.transport.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.choreo.transport.SafeUrl;
import org.apache.kafka.clients.CommonClientConfigs;
import org.jspecify.annotations.Nullable;

/**
 * Reads bootstrap server lists as users write them ({@code kafka://} prefixes, missing
 * ports) and renders them as the Kafka clients want them.
 */
final class BootstrapServers {

	static final String SCHEME = "kafka://";

	static final int DEFAULT_PORT = 9092;

	private BootstrapServers() {
	}

	/**
	 * Split a comma-separated list into its trimmed, non-blank entries.
	 */
	static List<String> split(@Nullable String list) {
		List<String> entries = new ArrayList<>();
		if (list != null) {
			for (String entry : list.split(",")) {
				if (!entry.isBlank()) {
					entries.add(entry.trim());
				}
			}
		}
		return entries;
	}

	/**
	 * Return the entries of a client configuration's {@code bootstrap.servers}, a string
	 * or a list of strings.
	 */
	static List<String> of(Map<String, Object> configuration) {
		Object value = configuration.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		if (value instanceof Collection<?> collection) {
			List<String> entries = new ArrayList<>();
			collection.forEach((item) -> entries.addAll(split(String.valueOf(item))));
			return entries;
		}
		return split((value != null) ? value.toString() : null);
	}

	/**
	 * Return an entry as the clients take it: without the {@code kafka://} prefix, with
	 * the default port when none is given.
	 */
	static String clientValue(String entry) {
		String value = entry.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? entry.substring(SCHEME.length())
				: entry;
		int slash = value.indexOf('/');
		if (slash >= 0) {
			value = value.substring(0, slash);
		}
		return hasPort(value) ? value : value + ":" + DEFAULT_PORT;
	}

	private static boolean hasPort(String value) {
		if (value.startsWith("[")) {
			return value.contains("]:");
		}
		int colon = value.indexOf(':');
		return colon >= 0 && colon == value.lastIndexOf(':');
	}

	static String clientList(List<String> entries) {
		return String.join(",", entries.stream().map(BootstrapServers::clientValue).toList());
	}

	/**
	 * Return the entries for messages, credentials redacted.
	 */
	static String describe(List<String> entries) {
		return entries.stream().map(SafeUrl::redact).toList().toString();
	}

	/**
	 * Return whether an entry carries user information, which Kafka cannot use.
	 */
	static boolean hasUserInfo(String entry) {
		String value = entry.toLowerCase(Locale.ROOT).startsWith(SCHEME) ? entry.substring(SCHEME.length()) : entry;
		int slash = value.indexOf('/');
		return ((slash >= 0) ? value.substring(0, slash) : value).contains("@");
	}

}

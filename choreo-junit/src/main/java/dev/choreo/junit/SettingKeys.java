package dev.choreo.junit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The keys {@code choreo.yml} takes, spelled as the Spring Boot starter's
 * {@code choreo.*} properties, and the words for one that is not among them.
 */
final class SettingKeys {

	/** Prefix of free-form Kafka client properties. */
	static final String KAFKA_PROPERTIES = "choreo.kafka.properties.";

	static final Set<String> KEYS = Set.of("choreo.default-timeout", "choreo.subscribe-timeout", "choreo.slow-fails",
			"choreo.keep-timelines", "choreo.default-transport", "choreo.correlation.policy",
			"choreo.correlation.field", "choreo.correlation.header", "choreo.correlation.prefix",
			"choreo.allowlist.file", "choreo.allowlist.loopback", "choreo.allowlist.nats-servers",
			"choreo.allowlist.kafka-brokers", "choreo.allowlist.amqp-brokers", "choreo.allowlist.redis-servers",
			"choreo.report.directory", "choreo.report.enabled", "choreo.report.project-name", "choreo.kafka.enabled",
			"choreo.kafka.bootstrap-servers", "choreo.kafka.create-topics", "choreo.kafka.client-id-prefix",
			"choreo.kafka.connect-timeout", "choreo.rabbit.enabled", "choreo.rabbit.exchange", "choreo.rabbit.uri",
			"choreo.rabbit.addresses", "choreo.rabbit.host", "choreo.rabbit.port", "choreo.rabbit.username",
			"choreo.rabbit.password", "choreo.rabbit.virtual-host", "choreo.rabbit.connect-timeout",
			"choreo.nats.enabled", "choreo.nats.servers", "choreo.nats.connect-timeout", "choreo.nats.username",
			"choreo.nats.password", "choreo.nats.token", "choreo.redis.enabled", "choreo.redis.mode",
			"choreo.redis.url", "choreo.redis.username", "choreo.redis.password", "choreo.redis.connect-timeout");

	/** Keys of the Spring Boot starter that need an application context. */
	private static final Map<String, String> SPRING_ONLY = Map.of("choreo.nats.auth-resolver",
			"names an AuthResolver bean", "choreo.stream.enabled", "is about Spring Cloud Stream",
			"choreo.stream.binder", "is about Spring Cloud Stream", "choreo.metrics.enabled",
			"is about a Micrometer MeterRegistry bean", "choreo.metrics.max-topics",
			"is about a Micrometer MeterRegistry bean");

	private SettingKeys() {
	}

	/**
	 * Return whether a key is known.
	 * @param key the canonical key
	 * @return whether choreo.yml takes it
	 */
	static boolean isKnown(String key) {
		return KEYS.contains(key) || (key.startsWith(KAFKA_PROPERTIES) && key.length() > KAFKA_PROPERTIES.length());
	}

	/**
	 * Return the canonical form of a key: camelCase and snake_case segments in kebab
	 * case, as Spring Boot's relaxed binding reads them; Kafka client property names as
	 * given.
	 * @param key the key as written
	 * @return the canonical key
	 */
	static String canonical(String key) {
		if (key.startsWith(KAFKA_PROPERTIES)) {
			return key;
		}
		StringBuilder out = new StringBuilder(key.length() + 4);
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && key.charAt(i - 1) != '.' && key.charAt(i - 1) != '-') {
					out.append('-');
				}
				out.append(Character.toLowerCase(c));
			}
			else {
				out.append((c == '_') ? '-' : c);
			}
		}
		return out.toString();
	}

	/**
	 * Return the environment variable that sets a key, as Spring Boot names it:
	 * {@code choreo.kafka.bootstrap-servers} is {@code CHOREO_KAFKA_BOOTSTRAPSERVERS}
	 * there and {@code CHOREO_KAFKA_BOOTSTRAP_SERVERS} here too.
	 * @return each environment variable name and its key
	 */
	static Map<String, String> environmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String key : KEYS) {
			names.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), key);
			names.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""), key);
		}
		return names;
	}

	/**
	 * Word an unknown key, with the closest known one when there is one.
	 * @param key the canonical key
	 * @param origin where it was found
	 * @return the message
	 */
	static String unknown(String key, String origin) {
		String reason = SPRING_ONLY.get(key);
		if (reason != null) {
			return key + " (in " + origin + ") " + reason
					+ ", which needs Spring; @EnableChoreo runs without an application context, so remove it";
		}
		String suggestion = closest(key);
		return "Unknown Choreo setting " + key + " in " + origin
				+ ((suggestion != null) ? "; did you mean " + suggestion + "?" : ".")
				+ " The settings are listed in the README of choreo-junit.";
	}

	static @Nullable String closest(String key) {
		String comparable = springSpelling(key);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String known : KEYS) {
			int distance = distance(comparable, known);
			if (distance < bestDistance || (distance == bestDistance && best != null && known.compareTo(best) < 0)) {
				best = known;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(2, comparable.length() / 4)) ? best : null;
	}

	/**
	 * Read a Spring Boot property name as the Choreo key that takes its place.
	 */
	private static String springSpelling(String key) {
		return key.replaceFirst("^spring\\.data\\.redis\\.", "choreo.redis.")
			.replaceFirst("^spring\\.rabbitmq\\.", "choreo.rabbit.")
			.replaceFirst("^spring\\.", "choreo.");
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}

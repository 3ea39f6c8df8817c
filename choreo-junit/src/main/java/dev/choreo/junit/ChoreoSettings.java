package dev.choreo.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The settings of an {@link EnableChoreo} test class: {@code choreo.yml}, the profiles'
 * files, the annotation's properties, {@code CHOREO_*} environment variables, then JUnit
 * configuration parameters and system properties, each overriding the ones before. Every
 * key is checked when it is read in, and every value when it is used, with a message that
 * names the key and where it came from.
 */
final class ChoreoSettings {

	static final String FILE = "choreo.yml";

	static final String PROFILES = "choreo.profiles";

	private static final Pattern DURATION = Pattern.compile("([+-]?\\d+)\\s*(ns|us|ms|s|m|h|d)?");

	private final Map<String, Setting> settings = new LinkedHashMap<>();

	private ChoreoSettings() {
	}

	/**
	 * Read the settings.
	 * @param loader the class loader the files are read from
	 * @param profiles the annotation's profiles
	 * @param properties the annotation's {@code key=value} properties
	 * @param environment the environment variables
	 * @param parameters the JUnit configuration parameters (which fall back to system
	 * properties)
	 * @return the settings
	 * @throws IllegalStateException if a file cannot be read or a key is unknown
	 */
	static ChoreoSettings load(ClassLoader loader, List<String> profiles, List<String> properties,
			Map<String, String> environment, Function<String, @Nullable String> parameters) {
		ChoreoSettings settings = new ChoreoSettings();
		settings.readFile(loader, FILE, null);
		for (String profile : allProfiles(profiles, environment, parameters)) {
			settings.readFile(loader, "choreo-" + profile + ".yml", profile);
		}
		settings.readProperties(properties);
		settings.readEnvironment(environment);
		for (String key : SettingKeys.KEYS) {
			String value = parameters.apply(key);
			if (value != null) {
				settings.put(key, value, "the configuration parameter or system property " + key);
			}
		}
		return settings;
	}

	private static List<String> allProfiles(List<String> profiles, Map<String, String> environment,
			Function<String, @Nullable String> parameters) {
		List<String> all = new ArrayList<>(profiles);
		String fromEnvironment = environment.get("CHOREO_PROFILES");
		String fromParameters = parameters.apply(PROFILES);
		for (String more : new String[] { fromEnvironment, fromParameters }) {
			if (more != null) {
				split(more).stream().filter((profile) -> !all.contains(profile)).forEach(all::add);
			}
		}
		return all;
	}

	/**
	 * Read a YAML file from the class path, if it is there.
	 * @param loader the class loader
	 * @param name the file name
	 * @param profile the profile that asks for it, which makes it required
	 */
	private void readFile(ClassLoader loader, String name, @Nullable String profile) {
		URL resource = loader.getResource(name);
		if (resource == null) {
			if (profile != null) {
				throw new IllegalStateException("The profile '" + profile + "' needs " + name
						+ " on the test class path (for example in src/test/resources), but there is none");
			}
			return;
		}
		Object document;
		try (InputStream input = resource.openStream()) {
			String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (IOException | YAMLException ex) {
			throw new IllegalStateException(
					name + " cannot be read: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
		}
		if (document == null) {
			return;
		}
		if (!(document instanceof Map<?, ?> map)) {
			throw new IllegalStateException(name + " must map keys to values, starting with choreo:");
		}
		flatten("", map, name);
	}

	private void flatten(String prefix, Map<?, ?> map, String origin) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = prefix + entry.getKey();
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> nested) {
				flatten(key + ".", nested, origin);
			}
			else if (value instanceof List<?> list) {
				List<String> items = new ArrayList<>();
				for (Object item : list) {
					if (item instanceof Map<?, ?> || item instanceof List<?>) {
						throw new IllegalStateException(key + " in " + origin + " must be a list of values");
					}
					items.add(String.valueOf(item));
				}
				put(key, items, origin);
			}
			else if (value != null) {
				put(key, String.valueOf(value), origin);
			}
		}
	}

	private void readProperties(List<String> properties) {
		for (String property : properties) {
			int equals = property.indexOf('=');
			if (equals <= 0) {
				throw new IllegalStateException("@EnableChoreo(properties) takes key=value pairs, such as"
						+ " choreo.nats.servers=nats://127.0.0.1:4222; one has no key and '=' in it");
			}
			put(property.substring(0, equals).trim(), property.substring(equals + 1).trim(),
					"@EnableChoreo(properties)");
		}
	}

	private void readEnvironment(Map<String, String> environment) {
		Map<String, String> names = SettingKeys.environmentNames();
		environment.forEach((name, value) -> {
			String key = names.get(name);
			if (key != null) {
				put(key, value, "the environment variable " + name);
			}
		});
	}

	private void put(String key, Object value, String origin) {
		String canonical = SettingKeys.canonical(key);
		if (!SettingKeys.isKnown(canonical)) {
			throw new IllegalStateException(SettingKeys.unknown(canonical, origin));
		}
		this.settings.put(canonical, new Setting(value, origin));
	}

	/**
	 * Return whether a key is set.
	 * @param key the key
	 * @return whether it is set
	 */
	boolean has(String key) {
		return this.settings.containsKey(key);
	}

	/**
	 * Return where a key's value came from.
	 * @param key the key
	 * @return the origin, such as {@code choreo.yml}
	 */
	String origin(String key) {
		Setting setting = this.settings.get(key);
		return (setting != null) ? setting.origin() : "the defaults";
	}

	@Nullable String string(String key) {
		Setting setting = this.settings.get(key);
		if (setting == null) {
			return null;
		}
		return (setting.value() instanceof List<?> list) ? String.join(",", list.stream().map(String::valueOf).toList())
				: String.valueOf(setting.value());
	}

	String string(String key, String defaultValue) {
		String value = string(key);
		return (value != null) ? value : defaultValue;
	}

	List<String> list(String key) {
		Setting setting = this.settings.get(key);
		if (setting == null) {
			return List.of();
		}
		if (setting.value() instanceof List<?> list) {
			return list.stream().map(String::valueOf).map(String::trim).filter((item) -> !item.isEmpty()).toList();
		}
		return split(String.valueOf(setting.value()));
	}

	boolean bool(String key, boolean defaultValue) {
		String value = string(key);
		if (value == null) {
			return defaultValue;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(key, value, "true or false");
		};
	}

	int port(String key, int defaultValue) {
		String value = string(key);
		if (value == null) {
			return defaultValue;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port > 0 && port < 65536) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// worded below
		}
		throw invalid(key, value, "a port number from 1 to 65535");
	}

	Duration duration(String key, Duration defaultValue) {
		String value = string(key);
		if (value == null) {
			return defaultValue;
		}
		Duration duration = parseDuration(value.trim());
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw invalid(key, value, "a positive duration, such as 5s, 500ms or PT5S");
		}
		return duration;
	}

	private static @Nullable Duration parseDuration(String value) {
		if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
			try {
				return Duration.parse(value);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return null;
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
		return switch (unit) {
			case "ns" -> Duration.ofNanos(amount);
			case "us" -> Duration.ofNanos(amount * 1000);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	/**
	 * Return the {@code choreo.kafka.properties.*} settings, without the prefix.
	 * @return the Kafka client properties
	 */
	Map<String, String> kafkaProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		this.settings.forEach((key, setting) -> {
			if (key.startsWith(SettingKeys.KAFKA_PROPERTIES)) {
				properties.put(key.substring(SettingKeys.KAFKA_PROPERTIES.length()), string(key));
			}
		});
		return properties;
	}

	/**
	 * Word a value that a key does not take (none of the keys this is used for holds a
	 * secret).
	 * @param key the key
	 * @param value the value
	 * @param expected what the key takes
	 * @return the exception
	 */
	IllegalStateException invalid(String key, String value, String expected) {
		return new IllegalStateException(
				key + " (from " + origin(key) + ") must be " + expected + ", but is '" + value + "'");
	}

	private static List<String> split(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	private record Setting(Object value, String origin) {

	}

}

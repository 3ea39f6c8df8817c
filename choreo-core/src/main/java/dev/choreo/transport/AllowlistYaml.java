package dev.choreo.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an allowlist from YAML: a flat mapping of category key to a list of endpoints,
 * plus an optional {@code allow_loopback} switch. Only plain YAML types are built, never
 * arbitrary classes.
 */
final class AllowlistYaml {

	static final String ALLOW_LOOPBACK = "allow_loopback";

	private AllowlistYaml() {
	}

	static String read(Path file) {
		if (!Files.exists(file)) {
			throw new AllowlistConfigException("allowlist file " + file + " does not exist");
		}
		if (Files.isDirectory(file)) {
			throw new AllowlistConfigException("allowlist file " + file + " is a directory, not a file");
		}
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new AllowlistConfigException(
					"allowlist file " + file + " cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

	static Allowlist parse(String yaml, String source) {
		Object document = load(yaml, source);
		Allowlist.Builder builder = Allowlist.builder().source(source);
		if (document == null) {
			return builder.build();
		}
		if (!(document instanceof Map<?, ?> mapping)) {
			throw new AllowlistConfigException(
					source + ": the top level must be a mapping of category to a list of endpoints, got "
							+ typeName(document));
		}
		mapping.forEach((key, value) -> apply(builder, String.valueOf(key), value, source));
		return builder.build();
	}

	private static @Nullable Object load(String yaml, String source) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try {
			return new Yaml(new SafeConstructor(options)).load(yaml);
		}
		catch (YAMLException ex) {
			throw new AllowlistConfigException(source + " is not valid YAML: " + describe(ex));
		}
	}

	private static String describe(YAMLException ex) {
		if (ex instanceof MarkedYAMLException marked && marked.getProblem() != null) {
			Mark mark = marked.getProblemMark();
			String where = (mark != null)
					? " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")" : "";
			return firstLine(marked.getProblem()) + where;
		}
		return firstLine(String.valueOf(ex.getMessage()));
	}

	private static String firstLine(String text) {
		String trimmed = text.strip();
		int newline = trimmed.indexOf('\n');
		return (newline < 0) ? trimmed : trimmed.substring(0, newline).strip();
	}

	private static void apply(Allowlist.Builder builder, String key, @Nullable Object value, String source) {
		if (ALLOW_LOOPBACK.equals(key)) {
			if (!(value instanceof Boolean allow)) {
				throw new AllowlistConfigException(
						source + ": the value of '" + key + "' must be true or false, got " + typeName(value));
			}
			builder.allowLoopback(allow);
			return;
		}
		EndpointCategory category = category(key);
		if (category == null) {
			return;
		}
		if (!(value instanceof List<?> list)) {
			throw new AllowlistConfigException(
					source + ": the value of '" + key + "' must be a list, got " + typeName(value));
		}
		builder.allow(category, entries(list, key, source));
	}

	private static String[] entries(List<?> list, String key, String source) {
		String[] entries = new String[list.size()];
		for (int i = 0; i < entries.length; i++) {
			Object entry = list.get(i);
			if (!(entry instanceof String || entry instanceof Number || entry instanceof Boolean)) {
				throw new AllowlistConfigException(source + ": the entries of '" + key + "' must be strings, got "
						+ typeName(entry) + " at position " + (i + 1));
			}
			entries[i] = String.valueOf(entry);
		}
		return entries;
	}

	private static @Nullable EndpointCategory category(String key) {
		for (EndpointCategory category : EndpointCategory.values()) {
			if (category.key().equals(key)) {
				return category;
			}
		}
		return null;
	}

	/**
	 * Name a YAML value's type in the words of the messages: {@code mapping},
	 * {@code list}, {@code string}, {@code number}, {@code boolean}, {@code null}, and
	 * {@code binary}, {@code set} or {@code timestamp} for the other YAML types.
	 */
	static String typeName(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof List) {
			return "list";
		}
		if (value instanceof Map) {
			return "mapping";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		return scalarTypeName(value);
	}

	private static String scalarTypeName(Object value) {
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Number) {
			return "number";
		}
		if (value instanceof byte[]) {
			return "binary";
		}
		if (value instanceof Set) {
			return "set";
		}
		if (value instanceof Date) {
			return "timestamp";
		}
		return value.getClass().getSimpleName();
	}

}

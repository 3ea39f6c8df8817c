package dev.choreo.junit.report;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.choreo.internal.Redaction;
import dev.choreo.internal.Repr;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what the report is about to write into safe, bounded JSON: secrets redacted
 * (built-in rules first, then the user's {@link Redactor}s), strings, payloads and
 * streams capped, and anything that cannot be JSON replaced by a marker. Counts what it
 * redacted and remembers whether it cut anything. Thread-safe.
 */
final class Sanitizer {

	/** A string inside a payload longer than this many UTF-8 bytes becomes a marker. */
	static final int STRING_CAP = 2 * 1024;

	/** A payload whose JSON is longer than this many bytes becomes a marker. */
	static final int PAYLOAD_CAP = 8 * 1024;

	/** Captured output keeps its last this many bytes; failure texts their first. */
	static final int STREAM_CAP = 64 * 1024;

	private static final int MAX_DEPTH = 64;

	/** The shortest value under a secret key that texts are scrubbed of. */
	static final int MIN_SECRET_LENGTH = 4;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String HEADER_PATH = "header:";

	private static final Pattern TRAILING_INDEXES = Pattern.compile("(\\[-?[0-9]+])+$");

	private static final Pattern QUOTED_LAST_KEY = Pattern.compile("\\[(\"(?:[^\"\\\\]|\\\\.)*\")]$");

	private final Supplier<List<Redactor>> redactors;

	private final AtomicLong fields = new AtomicLong();

	private final AtomicLong streamMatches = new AtomicLong();

	private final AtomicBoolean truncated = new AtomicBoolean();

	private final Set<String> secretValues = ConcurrentHashMap.newKeySet();

	Sanitizer(Supplier<List<Redactor>> redactors) {
		this.redactors = redactors;
	}

	long fields() {
		return this.fields.get();
	}

	long streamMatches() {
		return this.streamMatches.get();
	}

	boolean truncated() {
		return this.truncated.get();
	}

	void markTruncated() {
		this.truncated.set(true);
	}

	/**
	 * Redact a short text (a name, a reason, a detail) and cut it to {@link #STRING_CAP}
	 * bytes, keeping it a string.
	 */
	String text(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return cutHead(redactText(text, true), STRING_CAP);
	}

	/**
	 * Redact a long text (a failure text, a summary) and keep its first
	 * {@link #STREAM_CAP} bytes: the cause is at the top.
	 */
	String longText(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return cutHead(redactText(text, true), STREAM_CAP);
	}

	/**
	 * Redact captured output and keep its last {@link #STREAM_CAP} bytes.
	 * @param scrub whether the built-in text patterns apply (stream redaction)
	 */
	String stream(@Nullable String text, boolean scrub, long alreadyDropped) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return cutTail(redactText(text, scrub), alreadyDropped);
	}

	/**
	 * Redact a matcher description of a reply: assigned literal values are hidden too.
	 */
	String replyDescription(@Nullable String description) {
		return text(Redaction.matcherDescription((description != null) ? description : ""));
	}

	/**
	 * Turn a payload into redacted, capped JSON.
	 * @param value a decoded payload or expected shape
	 * @return the JSON and whether it was cut to the payload cap
	 */
	Payload payload(@Nullable Object value) {
		JsonNode node = toNode(value, 0);
		byte[] encoded;
		try {
			encoded = mapper.writeValueAsBytes(node);
		}
		catch (RuntimeException ex) {
			return new Payload(unserialisable(value), false);
		}
		if (encoded.length <= PAYLOAD_CAP) {
			return new Payload(node, false);
		}
		markTruncated();
		String json = new String(encoded, StandardCharsets.UTF_8);
		ObjectNode marker = nodes.objectNode();
		marker.put("_truncated", true);
		marker.put("_original_bytes", encoded.length);
		marker.put("_head", json.substring(0, Math.min(json.length(), PAYLOAD_CAP)));
		return new Payload(marker, true);
	}

	private JsonNode toNode(@Nullable Object value, int depth) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (depth > MAX_DEPTH) {
			return unserialisable(value);
		}
		if (value instanceof Map<?, ?> map) {
			return object(map, depth);
		}
		if (value instanceof Collection<?> collection) {
			ArrayNode array = nodes.arrayNode();
			collection.forEach((item) -> array.add(toNode(item, depth + 1)));
			return array;
		}
		if (value instanceof byte[] bytes) {
			return bytes(bytes);
		}
		if (value.getClass().isArray()) {
			ArrayNode array = nodes.arrayNode();
			for (int i = 0; i < Array.getLength(value); i++) {
				array.add(toNode(Array.get(value, i), depth + 1));
			}
			return array;
		}
		return scalar(value, depth);
	}

	private JsonNode scalar(Object value, int depth) {
		if (value instanceof String text) {
			return string(text);
		}
		if (value instanceof Boolean flag) {
			return nodes.booleanNode(flag);
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return Double.isFinite(number) ? nodes.numberNode(number) : string(String.valueOf(number));
		}
		if (value instanceof Number number) {
			return number(number);
		}
		if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
			return string(value.toString());
		}
		if (value instanceof JsonNode node) {
			return fromTree(node, depth);
		}
		try {
			return fromTree(mapper.valueToTree(value), depth);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return unserialisable(value);
		}
	}

	private JsonNode number(Number number) {
		if (number instanceof java.math.BigDecimal decimal) {
			return nodes.numberNode(decimal);
		}
		if (number instanceof java.math.BigInteger integer) {
			return nodes.numberNode(integer);
		}
		return nodes.numberNode(number.longValue());
	}

	private JsonNode fromTree(JsonNode node, int depth) {
		if (node.isObject()) {
			Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
			node.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue()));
			return object(map, depth);
		}
		if (node.isArray()) {
			ArrayNode array = nodes.arrayNode();
			node.values().forEach((item) -> array.add(fromTree(item, depth + 1)));
			return array;
		}
		if (node.isString()) {
			return string(node.asString());
		}
		return node;
	}

	private ObjectNode object(Map<?, ?> map, int depth) {
		ObjectNode object = nodes.objectNode();
		map.forEach((key, item) -> {
			String name = String.valueOf(key);
			if (item != null && !(item instanceof JsonNode node && node.isNull()) && isSecretKey(name)) {
				this.fields.incrementAndGet();
				object.put(name, Redaction.REDACTED);
			}
			else if (item instanceof JsonNode node) {
				object.set(name, fromTree(node, depth + 1));
			}
			else {
				object.set(name, toNode(item, depth + 1));
			}
		});
		return object;
	}

	boolean isSecretKey(String key) {
		if (Redaction.isSecretKey(key)) {
			return true;
		}
		for (Redactor redactor : this.redactors.get()) {
			try {
				if (redactor.isSecretKey(key)) {
					return true;
				}
			}
			catch (RuntimeException | LinkageError ex) {
				ReportLog.redactorFailed(redactor, ex);
			}
		}
		return false;
	}

	/**
	 * A string inside a payload: redacted, and over {@link #STRING_CAP} bytes a marker.
	 */
	private JsonNode string(String text) {
		if (text.isEmpty()) {
			return nodes.stringNode("");
		}
		String redacted = redactText(text, true);
		byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= STRING_CAP) {
			return nodes.stringNode(redacted);
		}
		markTruncated();
		ObjectNode marker = nodes.objectNode();
		marker.put("_truncated", true);
		marker.put("_original_bytes", bytes.length);
		marker.put("_head", headBytes(redacted, STRING_CAP));
		return marker;
	}

	/**
	 * Bytes, which JSON cannot hold, as a marker that a decoded JSON string cannot be
	 * mistaken for: {@code {"_bytes": length, "_text": ...}} when they are UTF-8 text
	 * (redacted like any text), {@code {"_bytes": length, "_hex": ...}} otherwise, each
	 * cut to {@link #STRING_CAP} bytes with {@code "_truncated": true}.
	 */
	private ObjectNode bytes(byte[] bytes) {
		ObjectNode marker = nodes.objectNode();
		marker.put("_bytes", bytes.length);
		String text = Repr.text(bytes);
		boolean cut;
		if (text != null) {
			String redacted = redactText(text, true);
			String head = headBytes(redacted, STRING_CAP);
			marker.put("_text", head);
			cut = head.length() < redacted.length();
		}
		else {
			int shown = Math.min(bytes.length, STRING_CAP / 2);
			marker.put("_hex", Repr.hex(Arrays.copyOf(bytes, shown)));
			cut = shown < bytes.length;
		}
		if (cut) {
			markTruncated();
			marker.put("_truncated", true);
		}
		return marker;
	}

	private ObjectNode unserialisable(@Nullable Object value) {
		ObjectNode marker = nodes.objectNode();
		marker.put("_unserialisable", true);
		marker.put("_repr", text(safeRepr(value)));
		return marker;
	}

	private static String safeRepr(@Nullable Object value) {
		try {
			return Repr.repr(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return "<" + ((value != null) ? value.getClass().getName() : "null") + ">";
		}
	}

	/**
	 * Remember the values found under secret keys of a payload, so that texts quoting
	 * them (a mismatch reason such as {@code got 'hunter2'}, a summary, a failure text)
	 * are redacted too. Values shorter than {@link #MIN_SECRET_LENGTH} characters are not
	 * remembered: masking every occurrence of so short a text would garble the report.
	 */
	void learnSecrets(@Nullable Object payload) {
		learnSecrets(payload, false, 0);
	}

	private void learnSecrets(@Nullable Object value, boolean secret, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> learnSecrets(item, secret || isSecretKey(String.valueOf(key)), depth + 1));
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach((item) -> learnSecrets(item, secret, depth + 1));
		}
		else if (secret && (value instanceof CharSequence || value instanceof Number)) {
			String text = value.toString();
			if (text.length() >= MIN_SECRET_LENGTH && !Redaction.REDACTED.equals(text)) {
				this.secretValues.add(text);
			}
		}
	}

	/**
	 * Built-in text redaction (when {@code scrub}), then every user redactor.
	 */
	String redactText(String text, boolean scrub) {
		String result = text;
		if (scrub) {
			Redaction.Counts counts = new Redaction.Counts();
			result = Redaction.scrub(result, counts);
			this.streamMatches.addAndGet(counts.streamMatches());
			result = maskSecretValues(result);
		}
		for (Redactor redactor : this.redactors.get()) {
			try {
				String redacted = redactor.redact(result);
				if (redacted != null && !redacted.equals(result)) {
					this.streamMatches.incrementAndGet();
					result = redacted;
				}
			}
			catch (RuntimeException | LinkageError ex) {
				ReportLog.redactorFailed(redactor, ex);
			}
		}
		return result;
	}

	private String maskSecretValues(String text) {
		String result = text;
		for (String secret : this.secretValues) {
			int at = result.indexOf(secret);
			if (at < 0) {
				continue;
			}
			StringBuilder out = new StringBuilder(result.length());
			int from = 0;
			while (at >= 0) {
				out.append(result, from, at).append(Redaction.REDACTED);
				this.streamMatches.incrementAndGet();
				from = at + secret.length();
				at = result.indexOf(secret, from);
			}
			result = out.append(result.substring(from)).toString();
		}
		return result;
	}

	/**
	 * Return whether the last key of a match-failure path names a secret: the name after
	 * the last dot ({@code a.b[0].password}), a quoted key in brackets
	 * ({@code creds["api-key"]}), indexes after it skipped, or a header name
	 * ({@code header:authorization}).
	 */
	boolean isSecretPath(String path) {
		if (path.startsWith(HEADER_PATH)) {
			return isSecretKey(path.substring(HEADER_PATH.length()));
		}
		String keyed = TRAILING_INDEXES.matcher(path).replaceFirst("");
		Matcher quoted = QUOTED_LAST_KEY.matcher(keyed);
		if (quoted.find()) {
			try {
				return isSecretKey(mapper.readValue(quoted.group(1), String.class));
			}
			catch (RuntimeException ex) {
				return isSecretKey(quoted.group(1));
			}
		}
		int start = Math.max(keyed.lastIndexOf('.'), keyed.lastIndexOf(']')) + 1;
		return isSecretKey(keyed.substring(start));
	}

	/**
	 * Count a value replaced because its path names a secret.
	 */
	JsonNode redactedField() {
		this.fields.incrementAndGet();
		return nodes.stringNode(Redaction.REDACTED);
	}

	private String cutHead(String text, int cap) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= cap) {
			return text;
		}
		markTruncated();
		String head = headBytes(text, cap);
		return head + "\n[" + (bytes.length - head.getBytes(StandardCharsets.UTF_8).length) + " bytes truncated]";
	}

	private String cutTail(String text, long alreadyDropped) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= STREAM_CAP && alreadyDropped == 0) {
			return text;
		}
		markTruncated();
		int start = Math.max(0, bytes.length - STREAM_CAP);
		while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
			start++;
		}
		return "[" + (start + alreadyDropped) + " bytes truncated]\n"
				+ new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
	}

	/**
	 * Return the longest prefix of a text that fits in {@code cap} UTF-8 bytes, never
	 * splitting a character.
	 */
	static String headBytes(String text, int cap) {
		int bytes = 0;
		int end = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes + size > cap) {
				break;
			}
			bytes += size;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end);
	}

	/**
	 * A payload turned into JSON.
	 *
	 * @param node the JSON
	 * @param truncated whether it was cut to the payload cap
	 */
	record Payload(JsonNode node, boolean truncated) {
	}

}

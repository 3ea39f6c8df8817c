package dev.choreo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from what Choreo shows: payloads in failure messages and reports, free
 * text, matcher descriptions.
 * <ul>
 * <li>In structured values, the value of any key whose whole name (ignoring case) is a
 * secret name such as {@code password}, {@code token}, {@code api_key} or
 * {@code authorization} becomes {@code <redacted>}.</li>
 * <li>In text, bearer tokens, {@code Authorization:} values, API keys, {@code password=}
 * values and credentials in URLs become {@code <redacted>}.</li>
 * </ul>
 */
public final class Redaction {

	/** The text that replaces a secret. */
	public static final String REDACTED = "<redacted>";

	private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|pwd|secret|token|api[_-]?key"
			+ "|authorization|auth|cookie|bearer|private[_-]?key|client[_-]?secret|access[_-]?token"
			+ "|refresh[_-]?token|session[_-]?id", Pattern.CASE_INSENSITIVE);

	private static final List<Pattern> TEXT_PATTERNS = List.of(
			Pattern.compile("(?i)(authorization\\s*[:=]\\s*[A-Za-z]+\\s+)([^\\s,;]+)"),
			Pattern.compile("(?i)(bearer\\s+)([A-Za-z0-9\\-._~+/]+=*)"),
			Pattern.compile("(?i)(x-api-key\\s*[:=]\\s*)([^\\s,;]+)"),
			Pattern.compile("(?i)(api[_-]?key\\s*[:=]\\s*)([^\\s,;]+)"),
			Pattern.compile("(?i)(password\\s*[:=]\\s*)([^\\s,;]+)"),
			// the scheme is bounded so a long run of letters costs linear time, not
			// quadratic
			Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]{0,63}://)([^\\s/@:]*:[^\\s/@]*)(@)"));

	private static final String VALUE = "<value>";

	private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";

	/** JSON strings, rendered bytes, and numbers, booleans and nulls. */
	private static final Pattern LITERAL = Pattern.compile(STRING + "|<\\d+ bytes?(?:: (?:" + STRING
			+ "|[0-9a-f .]*))?>|(?<![\\w.$])(?:-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)(?![\\w.])");

	private static final Pattern KEY_FOLLOWS = Pattern.compile("\\s*:");

	/** Before the first argument of a field or header factory: a path or a name. */
	private static final Pattern NAME_ARGUMENT = Pattern.compile("\\b(?:field|header)[A-Za-z]*\\(\\s*$");

	/** Inside {@code FieldPath.of(...)}: path parts. */
	private static final Pattern PATH_ARGUMENT = Pattern
		.compile("FieldPath\\.of\\((?:\\s*(?:" + STRING + "|-?\\d+)\\s*,)*\\s*$");

	private static final Pattern VALUE_POSITION = Pattern.compile("[(,:\\[]\\s*$");

	private static final Pattern ASSIGNED_VALUE = Pattern
		.compile("=\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,()]+)", Pattern.DOTALL);

	private Redaction() {
	}

	/**
	 * Return whether a key names a secret.
	 * @param key the key
	 * @return whether its value must be redacted
	 */
	public static boolean isSecretKey(String key) {
		return SECRET_KEY.matcher(key).matches();
	}

	/**
	 * Scrub secrets out of free text.
	 * @param text the text
	 * @param counts counts the replacements as stream matches, or {@code null}
	 * @return the text without secrets
	 */
	public static String scrub(String text, @Nullable Counts counts) {
		String result = text;
		for (Pattern pattern : TEXT_PATTERNS) {
			Matcher matcher = pattern.matcher(result);
			if (!matcher.find()) {
				continue;
			}
			StringBuilder builder = new StringBuilder();
			do {
				if (counts != null) {
					counts.streamMatches.incrementAndGet();
				}
				String tail = (matcher.groupCount() >= 3) ? matcher.group(3) : "";
				matcher.appendReplacement(builder, Matcher.quoteReplacement(matcher.group(1) + REDACTED + tail));
			}
			while (matcher.find());
			matcher.appendTail(builder);
			result = builder.toString();
		}
		return result;
	}

	/**
	 * Return a copy of a structured value with secret keys redacted and strings scrubbed.
	 * A record or bean is first turned into the map Jackson writes for it
	 * ({@link Repr#plain(Object)}), so its secret fields are redacted too.
	 * @param value a map, list, string, scalar, record or bean
	 * @param counts counts redacted fields and text matches, or {@code null}
	 * @return the redacted copy
	 */
	public static @Nullable Object redact(@Nullable Object value, @Nullable Counts counts) {
		return redactPlain(Repr.plain(value), counts);
	}

	private static @Nullable Object redactPlain(@Nullable Object value, @Nullable Counts counts) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> {
				if (key instanceof String name && isSecretKey(name) && item != null) {
					if (counts != null) {
						counts.fields.incrementAndGet();
					}
					copy.put(key, REDACTED);
				}
				else {
					copy.put(key, redact(item, counts));
				}
			});
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(redact(item, counts)));
			return copy;
		}
		if (value instanceof String text && !text.isEmpty()) {
			return scrub(text, counts);
		}
		return value;
	}

	/**
	 * Redact the literal values of a matcher description, for logs and reports about
	 * replies that never fired: {@code fieldEquals("account", "ACME-1")} becomes
	 * {@code fieldEquals("account", <value>)} and
	 * {@code containsFields({"account":"ACME-1"})} becomes
	 * {@code containsFields({"account":<value>})}. Paths, header names and object keys
	 * stay; so do the literals of a custom description, except values it assigns with
	 * {@code =}.
	 * @param description the matcher description
	 * @return the description without literal values
	 */
	public static String matcherDescription(String description) {
		Matcher literals = LITERAL.matcher(description);
		StringBuilder out = new StringBuilder();
		while (literals.find()) {
			String kept = isValue(description, literals) ? VALUE : literals.group();
			literals.appendReplacement(out, Matcher.quoteReplacement(kept));
		}
		literals.appendTail(out);
		return ASSIGNED_VALUE.matcher(out).replaceAll("=" + VALUE);
	}

	private static boolean isValue(String description, Matcher literal) {
		String before = description.substring(0, literal.start());
		String token = literal.group();
		if (token.startsWith("<")) {
			return true;
		}
		if (token.startsWith("\"")) {
			boolean key = KEY_FOLLOWS.matcher(description).region(literal.end(), description.length()).lookingAt();
			return !key && !NAME_ARGUMENT.matcher(before).find() && !PATH_ARGUMENT.matcher(before).find();
		}
		return VALUE_POSITION.matcher(before).find() && !PATH_ARGUMENT.matcher(before).find();
	}

	/**
	 * Counters of what was redacted.
	 */
	public static final class Counts {

		final AtomicLong fields = new AtomicLong();

		final AtomicLong streamMatches = new AtomicLong();

		/**
		 * Return how many structured fields were redacted.
		 * @return the count
		 */
		public long fields() {
			return this.fields.get();
		}

		/**
		 * Return how many secrets were scrubbed out of text.
		 * @return the count
		 */
		public long streamMatches() {
			return this.streamMatches.get();
		}

	}

}

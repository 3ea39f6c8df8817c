package dev.choreo.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.choreo.internal.Repr;
import org.jspecify.annotations.Nullable;

/**
 * A path into a decoded payload: a sequence of {@code String} parts (map keys) and
 * {@code Integer} parts (list indexes, negative ones counting from the end, or integer
 * map keys). <pre class="code">
 * FieldPath.parse("items.0.id");        // ("items", 0, "id"), shown as items[0].id
 * FieldPath.of("trace.id");             // one key that contains a dot, shown as ["trace.id"]
 * FieldPath.of("items", "0");           // the string key "0", not an index, shown as items["0"]
 * </pre>
 *
 * @since 0.1.0
 */
public final class FieldPath {

	private static final Pattern INDEX = Pattern.compile("-?[0-9]+");

	private static final Pattern NAME = Pattern.compile("[^.\\[\\]\"\\s]+");

	/** Returned by {@link #resolve(Object)} when the path does not exist. */
	static final Object MISSING = new Object();

	private final List<Object> parts;

	private FieldPath(List<Object> parts) {
		this.parts = Collections.unmodifiableList(parts);
	}

	/**
	 * Create a path from parts used exactly as given.
	 * @param parts the parts, each a {@code String} or an {@code Integer}
	 * @return the path
	 * @throws IllegalArgumentException if a part is neither a {@code String} nor an
	 * {@code Integer}
	 */
	public static FieldPath of(Object... parts) {
		List<Object> checked = new ArrayList<>(parts.length);
		for (Object part : parts) {
			if (!(part instanceof String) && !(part instanceof Integer)) {
				throw new IllegalArgumentException("FieldPath parts must be String or Integer, got "
						+ ((part != null) ? part.getClass().getName() : "null"));
			}
			checked.add(part);
		}
		return new FieldPath(checked);
	}

	/**
	 * Parse a dotted path: the text is split on {@code .}, and a segment made of digits,
	 * or {@code -} followed by digits, becomes an {@code Integer}. Other segments,
	 * including empty ones, stay strings.
	 * @param dotted the dotted path, for example {@code items.0.id}
	 * @return the path
	 * @throws IllegalArgumentException if a numeric segment does not fit in an
	 * {@code int}
	 */
	public static FieldPath parse(String dotted) {
		String[] segments = dotted.split("\\.", -1);
		List<Object> parts = new ArrayList<>(segments.length);
		for (String segment : segments) {
			parts.add(INDEX.matcher(segment).matches() ? index(segment, dotted) : segment);
		}
		return new FieldPath(parts);
	}

	private static Integer index(String segment, String dotted) {
		try {
			return Integer.valueOf(segment);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("FieldPath " + Repr.quote(dotted) + " has index " + segment
					+ " out of int range; use FieldPath.of(...) with a String part for a key", ex);
		}
	}

	/**
	 * Return the parts.
	 * @return the parts, each a {@code String} or an {@code Integer}
	 */
	public List<Object> parts() {
		return this.parts;
	}

	/**
	 * Return the value this path points to in a payload, or {@link #MISSING} when it does
	 * not exist. Never throws.
	 * @param payload the payload
	 * @return the value, possibly {@code null}, or {@link #MISSING}
	 */
	@Nullable Object resolve(@Nullable Object payload) {
		@Nullable Object node = payload;
		for (Object part : this.parts) {
			node = step(node, part);
			if (node == MISSING) {
				return MISSING;
			}
		}
		return node;
	}

	static @Nullable Object step(@Nullable Object node, Object part) {
		try {
			if (node instanceof Map<?, ?> map) {
				return map.containsKey(part) ? map.get(part) : MISSING;
			}
			if (node instanceof List<?> list && part instanceof Integer index) {
				int position = (index < 0) ? list.size() + index : index;
				return (position >= 0 && position < list.size()) ? list.get(position) : MISSING;
			}
			return MISSING;
		}
		catch (RuntimeException ex) {
			return MISSING;
		}
	}

	/**
	 * Return the path as the DSL spells it in a matcher description: an int for a path of
	 * one index, the dotted string when parsing it gives this path back
	 * ({@code "items.0.id"}), otherwise the {@code FieldPath.of(...)} call
	 * ({@code FieldPath.of("trace.id")}).
	 * @return the source form
	 */
	String source() {
		if (this.parts.size() == 1 && this.parts.get(0) instanceof Integer index) {
			return String.valueOf(index);
		}
		if (!this.parts.isEmpty()) {
			String dotted = this.parts.stream().map(String::valueOf).collect(Collectors.joining("."));
			try {
				if (parse(dotted).equals(this)) {
					return Repr.quote(dotted);
				}
			}
			catch (IllegalArgumentException ex) {
				// an index out of range: spell the parts out
			}
		}
		return call(this.parts);
	}

	private static String call(List<Object> parts) {
		return parts.stream()
			.map((part) -> (part instanceof String key) ? Repr.quote(key) : String.valueOf(part))
			.collect(Collectors.joining(", ", "FieldPath.of(", ")"));
	}

	/**
	 * Explain why this path does not resolve in a payload: the first part that is missing
	 * and what was there instead, with a hint when the payload has a key that contains a
	 * dot or is made of digits that the path splits or reads as an index.
	 * @param payload the payload in which {@link #resolve(Object)} found nothing
	 * @return the explanation, such as {@code no field "status"}
	 */
	String explainMissing(@Nullable Object payload) {
		@Nullable Object node = payload;
		for (int i = 0; i < this.parts.size(); i++) {
			Object next = step(node, this.parts.get(i));
			if (next == MISSING) {
				return missingAt(i, node);
			}
			node = next;
		}
		return "missing";
	}

	private String missingAt(int index, @Nullable Object node) {
		Object part = this.parts.get(index);
		String where = (index == 0) ? "the payload" : display(this.parts.subList(0, index));
		String what = (part instanceof Integer position) ? "no index " + position
				: "no field " + Repr.quote((String) part);
		if (node instanceof Map<?, ?> map) {
			String hint = hint(index, map);
			if (hint != null) {
				return what + "; " + where + hint;
			}
			return (part instanceof Integer) ? what + ": " + where + " is an object" : what;
		}
		if (node instanceof List<?> list && part instanceof Integer) {
			return what + ": " + where + " has " + list.size() + ((list.size() == 1) ? " element" : " elements");
		}
		return what + ": " + where + " is " + withArticle(Repr.typeName(node));
	}

	private @Nullable String hint(int index, Map<?, ?> map) {
		for (int end = this.parts.size() - 1; end > index; end--) {
			String joined = this.parts.subList(index, end + 1)
				.stream()
				.map(String::valueOf)
				.collect(Collectors.joining("."));
			if (hasKey(map, joined)) {
				List<Object> suggested = new ArrayList<>(this.parts.subList(0, index));
				suggested.add(joined);
				suggested.addAll(this.parts.subList(end + 1, this.parts.size()));
				return " has a key " + Repr.quote(joined) + ": use " + call(suggested)
						+ " for a key that contains a dot";
			}
		}
		Object part = this.parts.get(index);
		if (part instanceof Integer && hasKey(map, String.valueOf(part))) {
			List<Object> suggested = new ArrayList<>(this.parts);
			suggested.set(index, String.valueOf(part));
			return " has a key " + Repr.quote(String.valueOf(part)) + ": use " + call(suggested)
					+ " for a key made of digits";
		}
		return null;
	}

	private static boolean hasKey(Map<?, ?> map, String key) {
		try {
			return map.containsKey(key);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String withArticle(String type) {
		return switch (type) {
			case "null", "bytes" -> type;
			case "object", "array" -> "an " + type;
			default -> "a " + type;
		};
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof FieldPath other) && this.parts.equals(other.parts);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.parts);
	}

	/**
	 * Return the display form: names joined with {@code .}, indexes in brackets, and keys
	 * that contain a dot, look like a number, are empty or contain brackets, quotes or
	 * spaces as quoted strings in brackets: {@code items[0].id}, {@code ["trace.id"]},
	 * {@code items["0"]}. Empty for the root.
	 * @return the display form
	 */
	@Override
	public String toString() {
		return display(this.parts);
	}

	/**
	 * Display parts in the notation of {@link #toString()}.
	 * @param parts map keys ({@code String} or other) and list indexes ({@code Integer})
	 * @return the display form
	 */
	static String display(List<?> parts) {
		StringBuilder out = new StringBuilder();
		for (Object part : parts) {
			appendPart(out, part);
		}
		return out.toString();
	}

	/**
	 * Return a path one part deeper, in the notation of {@link #toString()}.
	 * @param path the display path, empty for the root
	 * @param part a map key or a list index
	 * @return the display path
	 */
	static String child(String path, Object part) {
		StringBuilder out = new StringBuilder(path);
		appendPart(out, part);
		return out.toString();
	}

	private static void appendPart(StringBuilder out, Object part) {
		if (part instanceof Integer index) {
			out.append('[').append(index).append(']');
		}
		else if (part instanceof String key && NAME.matcher(key).matches() && !INDEX.matcher(key).matches()) {
			out.append(out.isEmpty() ? "" : ".").append(key);
		}
		else {
			out.append('[').append(Repr.quote(String.valueOf(part))).append(']');
		}
	}

}

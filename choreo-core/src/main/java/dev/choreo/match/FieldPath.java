package dev.choreo.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A path into a decoded payload: a sequence of {@code String} parts (map keys) and
 * {@code Integer} parts (list indexes, negative ones counting from the end, or integer
 * map keys). <pre class="code">
 * FieldPath.parse("items.0.id");        // ("items", 0, "id")
 * FieldPath.of("trace.id");             // one key that contains a dot
 * FieldPath.of("items", "0");           // the string key "0", not an index
 * </pre>
 *
 * @since 0.1.0
 */
public final class FieldPath {

	private static final Pattern INDEX = Pattern.compile("-?[0-9]+");

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
			throw new IllegalArgumentException("FieldPath '" + dotted + "' has index " + segment
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
	 * Return the path the way failures report it: the parts joined with {@code .}, or
	 * {@code <root>} when there are none.
	 * @return the failure path
	 */
	String failurePath() {
		return this.parts.isEmpty() ? MatchFailure.ROOT : toString();
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
	 * Return the display form: the parts joined with {@code .}.
	 * @return the display form
	 */
	@Override
	public String toString() {
		return this.parts.stream().map(String::valueOf).collect(Collectors.joining("."));
	}

}

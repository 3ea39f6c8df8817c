package dev.choreo.match;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A structured description of why a payload did not match: what kind of failure, where in
 * the payload, what was expected and what was found. Composed matchers nest their
 * children's failures.
 *
 * @param kind the kind of failure
 * @param path the path of the failing node in {@link FieldPath}'s display notation
 * ({@code items[0].id}, {@code ["trace.id"]}), {@code <root>} for the whole payload,
 * {@code <raw>} for raw bytes, {@code header:<name>} or {@code key} for message metadata,
 * or {@code allOf} / {@code anyOf} for compositions
 * @param expected the expected value or shape, as plain JSON-like values
 * @param actual the value found, or {@code null}
 * @param children the failures of composed matchers, oldest first
 * @since 0.1.0
 */
public record MatchFailure(Kind kind, String path, @Nullable Object expected, @Nullable Object actual,
		List<MatchFailure> children) {

	/** The path used for the whole payload. */
	public static final String ROOT = "<root>";

	/** The path used for raw bytes. */
	public static final String RAW = "<raw>";

	/**
	 * Create a new instance.
	 * @param kind the kind of failure
	 * @param path the path of the failing node
	 * @param expected the expected value or shape
	 * @param actual the value found
	 * @param children the failures of composed matchers
	 */
	public MatchFailure {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(path, "path");
		children = List.copyOf(children);
	}

	/**
	 * Create a failure without children.
	 * @param kind the kind of failure
	 * @param path the path of the failing node
	 * @param expected the expected value or shape
	 * @param actual the value found
	 * @return the failure
	 */
	public static MatchFailure of(Kind kind, String path, @Nullable Object expected, @Nullable Object actual) {
		return new MatchFailure(kind, path, expected, actual, List.of());
	}

	/**
	 * The kinds of match failure.
	 */
	public enum Kind {

		/** The path does not exist in the payload. */
		MISSING("missing"),

		/** The value differs from a literal. */
		MISMATCH("mismatch"),

		/** The value has the wrong type. */
		TYPE_MISMATCH("type_mismatch"),

		/** A predicate rejected the value. */
		PREDICATE("predicate"),

		/** A composition failed; see the children. */
		COMPOSED("composed");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		/**
		 * Return the lower-case wire value used in reports.
		 * @return the value
		 */
		public String value() {
			return this.value;
		}

	}

}

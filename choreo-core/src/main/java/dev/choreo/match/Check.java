package dev.choreo.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One comparison against an expected value, and the single place that words its reasons.
 * Used by the flat field matchers and the value matchers.
 */
final class Check {

	private final Op op;

	private final @Nullable Object value;

	private final @Nullable Pattern pattern;

	private Check(Op op, @Nullable Object value, @Nullable Pattern pattern) {
		this.op = op;
		this.value = value;
		this.pattern = pattern;
	}

	static Check of(Op op, @Nullable Object value) {
		return new Check(op, value, null);
	}

	static Check in(Collection<?> values) {
		return new Check(Op.IN, Collections.unmodifiableList(new ArrayList<>(values)), null);
	}

	static Check matches(String regex) {
		return new Check(Op.MATCHES, regex, Pattern.compile(regex));
	}

	static Check exists() {
		return new Check(Op.EXISTS, Boolean.TRUE, null);
	}

	boolean isExists() {
		return this.op == Op.EXISTS;
	}

	/**
	 * Return the operator and the rendered value, such as {@code = 'PASS'}.
	 * @return the fragment
	 */
	String fragment() {
		return this.op.symbol + " " + renderedValue();
	}

	private String renderedValue() {
		return (this.op == Op.IN) ? Repr.tuple((List<?>) nonNull(this.value)) : Repr.repr(this.value);
	}

	String description(@Nullable String label) {
		if (this.op == Op.EXISTS) {
			return "exists(" + ((label != null) ? label : "") + ")";
		}
		if (label == null) {
			return (this.op == Op.EQ) ? "== " + renderedValue() : fragment();
		}
		return label + " " + fragment();
	}

	@Nullable Object shape() {
		return (this.op == Op.EQ) ? this.value : Shapes.single(this.op.key, this.value);
	}

	MatchResult missing(String label, String path) {
		return MatchResult.fail("field '" + label + "' missing", MatchFailure.of(Kind.MISSING, path, shape(), null));
	}

	/**
	 * Evaluate the check against a value that is present.
	 * @param label the display path, or {@code null} for a value matcher
	 * @param path the failure path
	 * @param actual the value found
	 * @return the result
	 */
	MatchResult evaluate(@Nullable String label, String path, @Nullable Object actual) {
		if (this.op == Op.EXISTS) {
			return MatchResult.pass(((label != null) ? label : MatchFailure.ROOT) + " present");
		}
		String subject = (label != null) ? label + " " + fragment() : fragment();
		if (this.op.ordering && !Values.comparable(actual, this.value)) {
			return incomparable(label, path, actual);
		}
		boolean passed;
		try {
			passed = test(actual);
		}
		catch (StackOverflowError ex) {
			return overflow(subject, path, actual);
		}
		if (passed) {
			return MatchResult.pass(subject);
		}
		Kind kind = (this.op == Op.EQ) ? Kind.MISMATCH : Kind.PREDICATE;
		return MatchResult.fail("expected " + subject + ", got " + Repr.repr(actual),
				MatchFailure.of(kind, path, shape(), actual));
	}

	private MatchResult overflow(String subject, String path, @Nullable Object actual) {
		return MatchResult.fail("cannot evaluate " + subject + " on " + Repr.repr(actual) + ": stack overflow",
				MatchFailure.of(Kind.PREDICATE, path, shape(), actual));
	}

	private MatchResult incomparable(@Nullable String label, String path, @Nullable Object actual) {
		String subject = ((label != null) ? label + "=" : "") + Repr.repr(actual);
		String error = "'" + this.op.symbol + "' not supported between " + Repr.typeName(actual) + " and "
				+ Repr.typeName(this.value);
		return MatchResult.fail("cannot compare " + subject + " " + fragment() + ": " + error,
				MatchFailure.of(Kind.TYPE_MISMATCH, path, shape(), actual));
	}

	/**
	 * Apply the operator. Deep backtracking in the regex engine on a long input, or
	 * equality on an absurdly deep value, can overflow the stack; the caller reports that
	 * as a failure.
	 * @param actual the value found
	 * @return whether the value passes
	 */
	private boolean test(@Nullable Object actual) {
		return switch (this.op) {
			case EQ -> Values.equal(actual, this.value);
			case NE -> !Values.equal(actual, this.value);
			case IN -> contains((List<?>) nonNull(this.value), actual);
			case GT -> order(actual) > 0;
			case LT -> order(actual) < 0;
			case MATCHES -> actual instanceof String string && nonNull(this.pattern).matcher(string).matches();
			case EXISTS -> true;
		};
	}

	private int order(@Nullable Object actual) {
		Integer order = Values.compare(actual, this.value);
		return (order != null) ? order : 0;
	}

	private static boolean contains(List<?> values, @Nullable Object actual) {
		for (Object candidate : values) {
			if (Values.equal(actual, candidate)) {
				return true;
			}
		}
		return false;
	}

	private static <T> T nonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("No value");
		}
		return value;
	}

	/**
	 * The operators, with the symbol used in reasons and the key used in shapes.
	 */
	enum Op {

		EQ("=", "eq", false), NE("!=", "ne", false), IN("in", "in", false), GT(">", "gt", true), LT("<", "lt", true),
		MATCHES("matches", "matches", false), EXISTS("exists", "exists", false);

		private final String symbol;

		private final String key;

		private final boolean ordering;

		Op(String symbol, String key, boolean ordering) {
			this.symbol = symbol;
			this.key = key;
			this.ordering = ordering;
		}

	}

}

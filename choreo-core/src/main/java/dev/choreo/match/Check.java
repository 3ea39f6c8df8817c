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

	/**
	 * Return a field matcher's description, such as
	 * {@code fieldEquals("status", "PAID")}.
	 * @param path the path as the DSL spells it
	 * @return the description
	 */
	String fieldDescription(String path) {
		return call(this.op.fieldName, path);
	}

	/**
	 * Return a value matcher's description, such as {@code gt(0)}.
	 * @return the description
	 */
	String valueDescription() {
		return call(this.op.valueName, null);
	}

	/**
	 * Return a description as a DSL call: the name, then the first argument if any, then
	 * the expected values.
	 * @param name the factory name
	 * @param first the first argument, already rendered, or {@code null}
	 * @return the description
	 */
	String call(String name, @Nullable String first) {
		String values = arguments();
		StringBuilder text = new StringBuilder(name).append('(');
		if (first != null) {
			text.append(first).append(values.isEmpty() ? "" : ", ");
		}
		return text.append(values).append(')').toString();
	}

	private String arguments() {
		return switch (this.op) {
			case EXISTS -> "";
			case IN -> Repr.arguments((List<?>) nonNull(this.value));
			default -> Repr.repr(this.value);
		};
	}

	/**
	 * Return what the check expects, as a reason puts it: {@code "PAID"}, {@code > 100},
	 * {@code one of ["A","B"]}.
	 * @return the expectation
	 */
	private String expectation() {
		String value = Repr.repr(this.value);
		return switch (this.op) {
			case EQ, EXISTS -> value;
			case NE -> "a value other than " + value;
			case IN -> "one of " + value;
			case GT -> "> " + value;
			case LT -> "< " + value;
			case MATCHES -> "a string matching " + value;
		};
	}

	@Nullable Object shape() {
		return (this.op == Op.EQ) ? this.value : Shapes.single(this.op.valueName, this.value);
	}

	/**
	 * Return the failure of a check whose value is missing.
	 * @param reason why the value is missing
	 * @param path the failure path
	 * @return the failed result
	 */
	MatchResult missing(String reason, String path) {
		return MatchResult.fail(reason, MatchFailure.of(Kind.MISSING, path, shape(), null));
	}

	/**
	 * Evaluate the check against a value that is present.
	 * @param where the display path the reason names, or {@code null} for none
	 * @param path the failure path
	 * @param actual the value found
	 * @param description the description of the matcher, the reason of a match
	 * @return the result
	 */
	MatchResult evaluate(@Nullable String where, String path, @Nullable Object actual, String description) {
		if (this.op == Op.EXISTS) {
			return MatchResult.pass(description);
		}
		String at = (where != null) ? "at " + where + ": " : "";
		if (this.op.ordering && !Values.comparable(actual, this.value)) {
			return incomparable(at, path, actual);
		}
		boolean passed;
		try {
			passed = test(actual);
		}
		catch (StackOverflowError ex) {
			return MatchResult.fail(
					at + "cannot evaluate " + description + " on " + Repr.repr(actual) + ": stack overflow",
					MatchFailure.of(Kind.PREDICATE, path, shape(), actual));
		}
		if (passed) {
			return MatchResult.pass(description);
		}
		Kind kind = (this.op == Op.EQ) ? Kind.MISMATCH : Kind.PREDICATE;
		return MatchResult.fail(at + "expected " + expectation() + ", got " + Repr.repr(actual),
				MatchFailure.of(kind, path, shape(), actual));
	}

	private MatchResult incomparable(String at, String path, @Nullable Object actual) {
		String comparison = Repr.repr(actual) + " " + this.op.symbol + " " + Repr.repr(this.value);
		String why = (this.value instanceof String) ? "expected a string, got " + Repr.typeName(actual)
				: (this.value instanceof Number && Values.isNumber(this.value))
						? "expected a number, got " + Repr.typeName(actual) : "only two numbers or two strings compare";
		return MatchResult.fail(at + "cannot compare " + comparison + ": " + why,
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
	 * The operators, with the symbol used in reasons and the names of their field and
	 * value factories (the value factory's name is also the key used in shapes).
	 */
	enum Op {

		EQ("=", "fieldEquals", "valueEquals", false), NE("!=", "fieldNe", "ne", false),
		IN("in", "fieldIn", "valueIn", false), GT(">", "fieldGt", "gt", true), LT("<", "fieldLt", "lt", true),
		MATCHES("matches", "fieldMatches", "valueMatches", false), EXISTS("exists", "fieldExists", "exists", false);

		private final String symbol;

		private final String fieldName;

		private final String valueName;

		private final boolean ordering;

		Op(String symbol, String fieldName, String valueName, boolean ordering) {
			this.symbol = symbol;
			this.fieldName = fieldName;
			this.valueName = valueName;
			this.ordering = ordering;
		}

	}

}

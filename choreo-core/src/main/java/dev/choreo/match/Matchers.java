package dev.choreo.match;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Static factories for the built-in {@link MessageMatcher}s. Every matcher is immutable
 * and thread-safe, explains each result, and reports a structured {@link MatchFailure}
 * when it does not match. <pre class="code">
 * import static dev.choreo.match.Matchers.*;
 *
 * scenario.expect("orders.v1", allOf(
 *         fieldEquals("status", "PAID"),
 *         fieldGt("items.0.qty", 0),
 *         containsFields(Map.of("customer", Map.of("id", exists()))),
 *         headerEquals("trace-id", "t-1")));
 * </pre> Paths are dotted strings ({@code "items.0.id"}), bare ints (an index or an
 * integer key), or a {@link FieldPath} for keys that contain dots or look like numbers.
 *
 * @since 0.1.0
 */
public final class Matchers {

	private Matchers() {
	}

	// Flat field matchers

	/**
	 * Match when the value at a path equals a value.
	 * @param path the dotted path
	 * @param value the expected value
	 * @return the matcher
	 */
	public static MessageMatcher fieldEquals(String path, @Nullable Object value) {
		return fieldEquals(FieldPath.parse(path), value);
	}

	/**
	 * Match when the value at an index or integer key equals a value.
	 * @param index the list index or integer key
	 * @param value the expected value
	 * @return the matcher
	 */
	public static MessageMatcher fieldEquals(int index, @Nullable Object value) {
		return fieldEquals(FieldPath.of(index), value);
	}

	/**
	 * Match when the value at a path equals a value.
	 * @param path the path
	 * @param value the expected value
	 * @return the matcher
	 */
	public static MessageMatcher fieldEquals(FieldPath path, @Nullable Object value) {
		return PredicateMatcher.field(path, Check.of(Check.Op.EQ, value));
	}

	/**
	 * Match when the value at a path is present and differs from a value; a missing field
	 * does not match.
	 * @param path the dotted path
	 * @param value the value it must differ from
	 * @return the matcher
	 */
	public static MessageMatcher fieldNe(String path, @Nullable Object value) {
		return fieldNe(FieldPath.parse(path), value);
	}

	/**
	 * Match when the value at an index or integer key is present and differs from a
	 * value.
	 * @param index the list index or integer key
	 * @param value the value it must differ from
	 * @return the matcher
	 */
	public static MessageMatcher fieldNe(int index, @Nullable Object value) {
		return fieldNe(FieldPath.of(index), value);
	}

	/**
	 * Match when the value at a path is present and differs from a value.
	 * @param path the path
	 * @param value the value it must differ from
	 * @return the matcher
	 */
	public static MessageMatcher fieldNe(FieldPath path, @Nullable Object value) {
		return PredicateMatcher.field(path, Check.of(Check.Op.NE, value));
	}

	/**
	 * Match when the value at a path equals one of some values.
	 * @param path the dotted path
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(String path, Collection<?> values) {
		return fieldIn(FieldPath.parse(path), values);
	}

	/**
	 * Match when the value at a path equals one of some values.
	 * @param path the dotted path
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(String path, @Nullable Object... values) {
		return fieldIn(FieldPath.parse(path), Arrays.asList(values));
	}

	/**
	 * Match when the value at an index or integer key equals one of some values.
	 * @param index the list index or integer key
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(int index, Collection<?> values) {
		return fieldIn(FieldPath.of(index), values);
	}

	/**
	 * Match when the value at an index or integer key equals one of some values.
	 * @param index the list index or integer key
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(int index, @Nullable Object... values) {
		return fieldIn(FieldPath.of(index), Arrays.asList(values));
	}

	/**
	 * Match when the value at a path equals one of some values.
	 * @param path the path
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(FieldPath path, Collection<?> values) {
		return PredicateMatcher.field(path, Check.in(values));
	}

	/**
	 * Match when the value at a path equals one of some values.
	 * @param path the path
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher fieldIn(FieldPath path, @Nullable Object... values) {
		return fieldIn(path, Arrays.asList(values));
	}

	/**
	 * Match when the value at a path is strictly greater than a value: numbers compare
	 * with numbers, strings with strings.
	 * @param path the dotted path
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldGt(String path, Object value) {
		return fieldGt(FieldPath.parse(path), value);
	}

	/**
	 * Match when the value at an index or integer key is strictly greater than a value.
	 * @param index the list index or integer key
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldGt(int index, Object value) {
		return fieldGt(FieldPath.of(index), value);
	}

	/**
	 * Match when the value at a path is strictly greater than a value.
	 * @param path the path
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldGt(FieldPath path, Object value) {
		return PredicateMatcher.field(path, Check.of(Check.Op.GT, value));
	}

	/**
	 * Match when the value at a path is strictly less than a value: numbers compare with
	 * numbers, strings with strings.
	 * @param path the dotted path
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldLt(String path, Object value) {
		return fieldLt(FieldPath.parse(path), value);
	}

	/**
	 * Match when the value at an index or integer key is strictly less than a value.
	 * @param index the list index or integer key
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldLt(int index, Object value) {
		return fieldLt(FieldPath.of(index), value);
	}

	/**
	 * Match when the value at a path is strictly less than a value.
	 * @param path the path
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher fieldLt(FieldPath path, Object value) {
		return PredicateMatcher.field(path, Check.of(Check.Op.LT, value));
	}

	/**
	 * Match when a path resolves, even to {@code null}.
	 * @param path the dotted path
	 * @return the matcher
	 */
	public static MessageMatcher fieldExists(String path) {
		return fieldExists(FieldPath.parse(path));
	}

	/**
	 * Match when an index or integer key resolves, even to {@code null}.
	 * @param index the list index or integer key
	 * @return the matcher
	 */
	public static MessageMatcher fieldExists(int index) {
		return fieldExists(FieldPath.of(index));
	}

	/**
	 * Match when a path resolves, even to {@code null}.
	 * @param path the path
	 * @return the matcher
	 */
	public static MessageMatcher fieldExists(FieldPath path) {
		return PredicateMatcher.field(path, Check.exists());
	}

	/**
	 * Match when the value at a path is a string that the regular expression matches as a
	 * whole.
	 * @param path the dotted path
	 * @param regex the regular expression
	 * @return the matcher
	 */
	public static MessageMatcher fieldMatches(String path, String regex) {
		return fieldMatches(FieldPath.parse(path), regex);
	}

	/**
	 * Match when the value at an index or integer key is a string that the regular
	 * expression matches as a whole.
	 * @param index the list index or integer key
	 * @param regex the regular expression
	 * @return the matcher
	 */
	public static MessageMatcher fieldMatches(int index, String regex) {
		return fieldMatches(FieldPath.of(index), regex);
	}

	/**
	 * Match when the value at a path is a string that the regular expression matches as a
	 * whole.
	 * @param path the path
	 * @param regex the regular expression
	 * @return the matcher
	 */
	public static MessageMatcher fieldMatches(FieldPath path, String regex) {
		return PredicateMatcher.field(path, Check.matches(regex));
	}

	// Value matchers

	/**
	 * Match a value equal to the given one.
	 * @param value the expected value
	 * @return the matcher
	 */
	public static MessageMatcher valueEquals(@Nullable Object value) {
		return PredicateMatcher.value(Check.of(Check.Op.EQ, value));
	}

	/**
	 * Match a value that differs from the given one.
	 * @param value the value it must differ from
	 * @return the matcher
	 */
	public static MessageMatcher ne(@Nullable Object value) {
		return PredicateMatcher.value(Check.of(Check.Op.NE, value));
	}

	/**
	 * Match a value equal to one of some values.
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher valueIn(Collection<?> values) {
		return PredicateMatcher.value(Check.in(values));
	}

	/**
	 * Match a value equal to one of some values.
	 * @param values the allowed values
	 * @return the matcher
	 */
	public static MessageMatcher valueIn(@Nullable Object... values) {
		return valueIn(Arrays.asList(values));
	}

	/**
	 * Match a value strictly greater than a bound.
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher gt(Object value) {
		return PredicateMatcher.value(Check.of(Check.Op.GT, value));
	}

	/**
	 * Match a value strictly less than a bound.
	 * @param value the bound
	 * @return the matcher
	 */
	public static MessageMatcher lt(Object value) {
		return PredicateMatcher.value(Check.of(Check.Op.LT, value));
	}

	/**
	 * Match a string that the regular expression matches as a whole.
	 * @param regex the regular expression
	 * @return the matcher
	 */
	public static MessageMatcher valueMatches(String regex) {
		return PredicateMatcher.value(Check.matches(regex));
	}

	/**
	 * Match any value, {@code null} included. Inside {@link #containsFields(Map)} it
	 * means that the key is present.
	 * @return the matcher
	 */
	public static MessageMatcher exists() {
		return PredicateMatcher.value(Check.exists());
	}

	// Structure

	/**
	 * Match a payload that contains a spec as a subset: a map must hold every key of a
	 * map node, a list at least the elements of a list node by position, a matcher leaf
	 * must match, and anything else must be equal.
	 * @param spec the spec, walked in its iteration order
	 * @return the matcher
	 */
	public static MessageMatcher containsFields(Map<String, ?> spec) {
		return ContainsFieldsMatcher.of(spec);
	}

	/**
	 * Match a message whose text contains a string: the raw bytes as they arrived, JSON
	 * or not, must contain the string's UTF-8 bytes. Applied to a bare value, it matches
	 * a string or a byte array that contains the text.
	 * @param text the text to find
	 * @return the matcher
	 */
	public static MessageMatcher payloadContains(String text) {
		return PayloadContainsMatcher.text(text);
	}

	/**
	 * Match a message whose raw bytes, as they arrived, contain a byte sequence. Applied
	 * to a bare value, it matches a byte array or a string whose UTF-8 bytes contain the
	 * sequence.
	 * @param sub the bytes to find
	 * @return the matcher
	 */
	public static MessageMatcher payloadContains(byte[] sub) {
		return PayloadContainsMatcher.bytes(sub);
	}

	// Composition and quantifiers

	/**
	 * Match when every matcher matches; stops at the first failure.
	 * @param matchers the matchers, at least one
	 * @return the matcher
	 */
	public static MessageMatcher allOf(MessageMatcher... matchers) {
		return new AllOfMatcher(atLeastOne("allOf", matchers));
	}

	/**
	 * Match when any matcher matches; the first match wins.
	 * @param matchers the matchers, at least one
	 * @return the matcher
	 */
	public static MessageMatcher anyOf(MessageMatcher... matchers) {
		return new AnyOfMatcher(atLeastOne("anyOf", matchers));
	}

	/**
	 * Match when the given matcher does not.
	 * @param matcher the matcher to reverse
	 * @return the matcher
	 */
	public static MessageMatcher not(MessageMatcher matcher) {
		return new NotMatcher(matcher);
	}

	/**
	 * Match a list whose every element matches; an empty list matches.
	 * @param matcher the element matcher
	 * @return the matcher
	 */
	public static MessageMatcher every(MessageMatcher matcher) {
		return new EveryMatcher(matcher);
	}

	/**
	 * Match a list with at least one matching element; an empty list does not match.
	 * @param matcher the element matcher
	 * @return the matcher
	 */
	public static MessageMatcher anyElement(MessageMatcher matcher) {
		return new AnyElementMatcher(matcher);
	}

	// Message metadata

	/**
	 * Match a message whose header, by exact name, equals a value.
	 * @param name the header name
	 * @param value the expected value
	 * @return the matcher
	 */
	public static MessageMatcher headerEquals(String name, String value) {
		return HeaderMatcher.equalTo(name, value);
	}

	/**
	 * Match a message that carries a header, by exact name.
	 * @param name the header name
	 * @return the matcher
	 */
	public static MessageMatcher headerExists(String name) {
		return HeaderMatcher.exists(name);
	}

	/**
	 * Match a message whose header, by exact name, the regular expression matches as a
	 * whole.
	 * @param name the header name
	 * @param regex the regular expression
	 * @return the matcher
	 */
	public static MessageMatcher headerMatches(String name, String regex) {
		return HeaderMatcher.matching(name, regex);
	}

	/**
	 * Match a message whose key equals a value.
	 * @param key the expected key
	 * @return the matcher
	 */
	public static MessageMatcher keyEquals(String key) {
		return new KeyEqualsMatcher(key);
	}

	// Custom

	/**
	 * Match when assertions (AssertJ, JUnit or plain {@code assert}) pass on the payload;
	 * a failed assertion's message becomes the reason.
	 * @param <T> the payload type the assertions expect
	 * @param assertions the assertions
	 * @return the matcher
	 */
	public static <T extends @Nullable Object> MessageMatcher satisfies(Consumer<T> assertions) {
		return satisfies("satisfies(assertions)", assertions);
	}

	/**
	 * Match when assertions pass on the payload; a failed assertion's message becomes the
	 * reason.
	 * @param <T> the payload type the assertions expect
	 * @param description the description
	 * @param assertions the assertions
	 * @return the matcher
	 */
	public static <T extends @Nullable Object> MessageMatcher satisfies(String description, Consumer<T> assertions) {
		return new SatisfiesMatcher<>(description, assertions);
	}

	/**
	 * Match when a predicate accepts the payload.
	 * @param <T> the payload type the predicate expects
	 * @param description the description
	 * @param predicate the predicate
	 * @return the matcher
	 */
	public static <T extends @Nullable Object> MessageMatcher matching(String description, Predicate<T> predicate) {
		return new PredicateFunctionMatcher<>(description, predicate);
	}

	/**
	 * Match every payload.
	 * @return the matcher
	 */
	public static MessageMatcher anyPayload() {
		return AnyMatcher.INSTANCE;
	}

	private static List<MessageMatcher> atLeastOne(String name, MessageMatcher[] matchers) {
		if (matchers.length == 0) {
			throw new IllegalArgumentException(name + " needs at least one matcher");
		}
		return List.of(matchers);
	}

}

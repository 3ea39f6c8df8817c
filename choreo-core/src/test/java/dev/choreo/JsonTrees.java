package dev.choreo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generators of JSON-like trees and of the text and bytes around them, and a way to
 * compare trees whose numbers came back as another integral type.
 */
final class JsonTrees {

	private JsonTrees() {
	}

	/**
	 * Text without lone surrogates, from plain ASCII to supplementary characters.
	 */
	static Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8),
				Arbitraries.strings()
					.withCharRange('\u0000', '\uD7FF')
					.withCharRange('\uE000', '\uFFFD')
					.ofMaxLength(8),
				Arbitraries.of("", "\"", "\\", "\u2028", "😀", "é", "null", "{}", "[1]", "correlation_id"));
	}

	static Arbitrary<String> keys() {
		return Arbitraries.oneOf(Arbitraries.of("a", "b", "status", "0", "x.y", "", "correlation_id"), text());
	}

	/**
	 * Scalars that survive a JSON round trip exactly: longs, finite doubles, booleans,
	 * text and null.
	 */
	static Arbitrary<@Nullable Object> scalars() {
		return Arbitraries
			.<@Nullable Object>oneOf(Arbitraries.longs().map(Object.class::cast),
					Arbitraries.longs().between(-3, 3).map(Object.class::cast),
					Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
					text().map(Object.class::cast))
			.injectNull(0.1);
	}

	/**
	 * Trees of maps, lists and {@link #scalars()}.
	 */
	static Arbitrary<@Nullable Object> trees(int depth) {
		if (depth == 0) {
			return scalars();
		}
		Arbitrary<@Nullable Object> child = trees(depth - 1);
		Arbitrary<@Nullable Object> lists = child.list().ofMaxSize(4).map(Object.class::cast);
		Arbitrary<@Nullable Object> maps = Arbitraries.maps(keys(), child)
			.ofMaxSize(4)
			.map(LinkedHashMap::new)
			.map(Object.class::cast);
		return Arbitraries.frequencyOf(Tuple.of(2, scalars()), Tuple.of(2, lists), Tuple.of(2, maps));
	}

	/**
	 * Trees whose root is a map or a list (a root string is sent as text, not JSON).
	 */
	static Arbitrary<Object> documents() {
		Arbitrary<@Nullable Object> child = trees(3);
		return Arbitraries.oneOf(child.list().ofMaxSize(5).map(Object.class::cast),
				Arbitraries.maps(keys(), child).ofMaxSize(5).map(LinkedHashMap::new).map(Object.class::cast));
	}

	/**
	 * Bytes of every kind: random, nearly JSON, JSON with trailing garbage, deep nesting,
	 * huge numbers and invalid UTF-8.
	 */
	static Arbitrary<byte[]> bytes() {
		Arbitrary<String> nearlyJson = Arbitraries.strings()
			.withChars("{}[]\":,.0123456789eE+-tfnrul\\ abx\u00e9")
			.ofMaxLength(40);
		return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
				nearlyJson.map((text) -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				nearlyJson.map((text) -> ("{\"a\":" + text + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Arbitraries.integers()
					.between(1, 3000)
					.map((depth) -> ("[".repeat(depth) + "]".repeat(depth))
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Arbitraries.integers()
					.between(1, 5000)
					.map((digits) -> ("9".repeat(digits) + ".5e99999")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Arbitraries.of(new byte[] { '"', (byte) 0xff, '"' }, new byte[] { (byte) 0xc3 },
						new byte[] { '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"' }, new byte[0]));
	}

	/**
	 * Bring a tree to a comparable form: every integral number becomes a
	 * {@link BigInteger}, every decimal a {@link BigDecimal}-free double.
	 */
	static @Nullable Object normalise(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, normalise(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(normalise(item)));
			return copy;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigInteger.valueOf(((Number) value).longValue());
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.doubleValue();
		}
		return value;
	}

	/**
	 * Return whether a decoded value is made only of plain JSON values (or is raw bytes).
	 */
	static boolean isPlain(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
				|| value instanceof byte[]) {
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().allMatch(String.class::isInstance)
					&& map.values().stream().allMatch(JsonTrees::isPlain);
		}
		if (value instanceof List<?> list) {
			return list.stream().allMatch(JsonTrees::isPlain);
		}
		return false;
	}

}

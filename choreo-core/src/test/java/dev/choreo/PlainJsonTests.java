package dev.choreo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON codec reads and writes plain data without Jackson's data binding: the result
 * must be exactly what the mapper it stands in for gives, byte for byte on the way out
 * and value and type for value and type on the way in, failures included.
 */
class PlainJsonTests {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Provide
	Arbitrary<Object> documents() {
		return JsonTrees.documents();
	}

	@Provide
	Arbitrary<byte[]> bytes() {
		return Arbitraries.oneOf(JsonTrees.bytes(),
				JsonTrees.documents().map((document) -> mapper.writeValueAsBytes(document)));
	}

	@Property(tries = 2000)
	void writesPlainDataAsTheMapperDoes(@ForAll("documents") Object document) {
		byte[] written = PlainJson.write(document);
		byte[] expected = mapper.writeValueAsBytes(document);
		if (written == null) {
			assertThat(containsNonFinite(document)).as("only non-finite numbers are left to the mapper").isTrue();
		}
		else {
			assertThat(new String(written, StandardCharsets.UTF_8))
				.isEqualTo(new String(expected, StandardCharsets.UTF_8));
		}
	}

	@Property(tries = 3000)
	void readsAsTheMapperDoes(@ForAll("bytes") byte[] bytes) {
		assertThat(typed(() -> PlainJson.read(bytes))).isEqualTo(typed(() -> mapper.readValue(bytes, Object.class)));
	}

	@Example
	void readsTheEdgesOfJsonAsTheMapperDoes() {
		for (String json : List.of("{} x", "{}   ", "  ", "[1,2] [3]", "1e400", "-1e400", "-0", "-0.0", "12345678901",
				"2147483648", "-2147483649", "9223372036854775808", "123456789012345678901234", "1.5", "1.0E2", "0.1",
				"{\"a\":1,\"a\":2}", "\"s\"", "null", "true", "false", "{\"a\":[]}", "NaN", "01", "1.", "[1,]",
				"{\"a\"}", "{\"a\":1", "[", "\"\\u00e9\\ud83d\\ude00\"", "{\"\":null}", "[[[]]]", "\"a\" \"b\"",
				"/* c */ {}", "{'a':1}", "{a:1}", "\u00ef\u00bb\u00bf{}")) {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			assertThat(typed(() -> PlainJson.read(bytes))).as(json)
				.isEqualTo(typed(() -> mapper.readValue(bytes, Object.class)));
		}
	}

	@Example
	void writesEveryPlainTypeAsTheMapperDoes() {
		Map<String, @Nullable Object> document = new LinkedHashMap<>();
		document.put("int", 1);
		document.put("long", Long.MIN_VALUE);
		document.put("short", (short) -3);
		document.put("byte", (byte) 4);
		document.put("double", 1e20);
		document.put("small", 1e-7);
		document.put("float", 1.5f);
		document.put("bigInteger", new BigInteger("123456789012345678901234"));
		document.put("bigDecimal", new BigDecimal("1E+3"));
		document.put("decimal", new BigDecimal("-0.000"));
		document.put("text", "a/b \"q\" \\ \u2028 \u00e9 \u0001 \u007f 😀");
		document.put("flag", false);
		document.put("none", null);
		document.put("list", Arrays.asList(1, null, List.of(), Map.of()));
		assertThat(new String(PlainJson.write(document), StandardCharsets.UTF_8))
			.isEqualTo(mapper.writeValueAsString(document));
		assertThat(new String(PlainJson.write(null), StandardCharsets.UTF_8)).isEqualTo("null");
	}

	@Example
	void leavesEverythingElseToTheMapper() {
		Map<Object, Object> cyclic = new LinkedHashMap<>();
		cyclic.put("self", cyclic);
		for (Object value : List.of(Map.of(1, "integer key"), List.of(Double.NaN), Map.of("f", Float.NEGATIVE_INFINITY),
				new int[] { 1 }, java.util.Set.of("set"), java.util.UUID.randomUUID(),
				Map.of("at", java.time.Instant.EPOCH), new StringBuilder("builder"), 'c', cyclic)) {
			assertThat(PlainJson.write(value)).as(String.valueOf(value.getClass())).isNull();
		}
	}

	@Example
	void theCodecReadsAndWritesThroughIt() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("n", 1);
		payload.put("items", List.of("a", 2.5));
		byte[] encoded = Codec.json().encode(payload);
		assertThat(encoded).isEqualTo(PlainJson.write(payload));
		assertThat(Codec.json().decode(encoded)).isEqualTo(payload);
		byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
		assertThat(Codec.json().decode(notJson)).isSameAs(notJson);
		assertThat(new String(Codec.json().encode(java.util.Set.of("x")), StandardCharsets.UTF_8)).isEqualTo("[\"x\"]");
	}

	private static boolean containsNonFinite(@Nullable Object value) {
		if (value instanceof Double number) {
			return !Double.isFinite(number);
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(PlainJsonTests::containsNonFinite);
		}
		if (value instanceof List<?> list) {
			return list.stream().anyMatch(PlainJsonTests::containsNonFinite);
		}
		return false;
	}

	/**
	 * The value with the type of every node, or that reading failed.
	 */
	private static String typed(Read read) {
		Object value;
		try {
			value = read.read();
		}
		catch (RuntimeException | StackOverflowError ex) {
			return "failed";
		}
		StringBuilder out = new StringBuilder();
		describe(value, out);
		return out.toString();
	}

	private static void describe(@Nullable Object value, StringBuilder out) {
		if (value instanceof Map<?, ?> map) {
			out.append(value.getClass().getSimpleName()).append('{');
			map.forEach((key, element) -> {
				out.append(key).append('=');
				describe(element, out);
				out.append(',');
			});
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append(value.getClass().getSimpleName()).append('[');
			for (Object element : new ArrayList<>(list)) {
				describe(element, out);
				out.append(',');
			}
			out.append(']');
		}
		else {
			out.append((value != null) ? value.getClass().getSimpleName() : "null").append(':').append(value);
		}
	}

	@FunctionalInterface
	private interface Read {

		@Nullable Object read();

	}

}

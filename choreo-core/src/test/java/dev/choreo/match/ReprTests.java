package dev.choreo.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values render in JSON notation (DESIGN §3 item 13): the original's Python notation
 * ({@code 'x'}, {@code b'...'}, {@code dict}) is deliberately not followed.
 */
class ReprTests {

	@Test
	void stringsAreJsonStringsWithJsonEscapes() {
		assertThat(Repr.repr("PASS")).isEqualTo("\"PASS\"");
		assertThat(Repr.repr("it's")).isEqualTo("\"it's\"");
		assertThat(Repr.repr("a\\b")).isEqualTo("\"a\\\\b\"");
		assertThat(Repr.repr("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
		assertThat(Repr.repr("")).isEqualTo("\"\"");
	}

	@Test
	void nonPrintableCharactersAreUnicodeEscapes() {
		assertThat(Repr.repr("a\nb\tc\rd\be\ff")).isEqualTo("\"a\\nb\\tc\\rd\\be\\ff\"");
		assertThat(Repr.repr("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
		assertThat(Repr.repr("\u00a0")).isEqualTo("\"\\u00a0\"");
		assertThat(Repr.repr("zero\u200bwidth")).isEqualTo("\"zero\\u200bwidth\"");
		assertThat(Repr.repr("\uDB80\uDC00")).isEqualTo("\"\\udb80\\udc00\"");
		assertThat(Repr.repr("\uD800")).isEqualTo("\"\\ud800\"");
	}

	@Test
	void printableUnicodeIsKept() {
		assertThat(Repr.repr("caf\u00e9 \u65e5\u672c \uD83D\uDE00"))
			.isEqualTo("\"caf\u00e9 \u65e5\u672c \uD83D\uDE00\"");
	}

	@Test
	void numbersBooleansAndNullAreJsonLiterals() {
		assertThat(Repr.repr(42)).isEqualTo("42");
		assertThat(Repr.repr(-7L)).isEqualTo("-7");
		assertThat(Repr.repr(new BigInteger("123456789012345678901234567890")))
			.isEqualTo("123456789012345678901234567890");
		assertThat(Repr.repr(1.5)).isEqualTo("1.5");
		assertThat(Repr.repr(1.0)).isEqualTo("1.0");
		assertThat(Repr.repr(1e10)).isEqualTo("1.0E10");
		assertThat(Repr.repr(1.1f)).isEqualTo("1.1");
		assertThat(Repr.repr(new BigDecimal("1.50"))).isEqualTo("1.50");
		assertThat(Repr.repr(true)).isEqualTo("true");
		assertThat(Repr.repr(false)).isEqualTo("false");
		assertThat(Repr.repr(null)).isEqualTo("null");
	}

	@Test
	void numbersJsonCannotHoldAreBare() {
		assertThat(Repr.repr(Double.NaN)).isEqualTo("NaN");
		assertThat(Repr.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
	}

	@Test
	void mapsAndListsAreCompactObjectsAndArraysInInsertionOrder() {
		assertThat(Repr.repr(map("k", 1, "k2", List.of("a", 2.5), "k3", null, 4, true)))
			.isEqualTo("{\"k\":1,\"k2\":[\"a\",2.5],\"k3\":null,\"4\":true}");
		assertThat(Repr.repr(map("z", 1, "a", 2))).isEqualTo("{\"z\":1,\"a\":2}");
		assertThat(Repr.repr(List.of(1, 2))).isEqualTo("[1,2]");
		assertThat(Repr.repr(List.of())).isEqualTo("[]");
		assertThat(Repr.repr(Map.of())).isEqualTo("{}");
		assertThat(Repr.repr(Arrays.asList(null, map("a", List.of())))).isEqualTo("[null,{\"a\":[]}]");
		assertThat(Repr.repr(new LinkedHashSet<>(List.of("x", "y")))).isEqualTo("[\"x\",\"y\"]");
	}

	@Test
	void bytesOfTextAreAQuotedStringInAngleBrackets() {
		assertThat(Repr.repr("status=PAID".getBytes(StandardCharsets.UTF_8))).isEqualTo("<11 bytes: \"status=PAID\">");
		assertThat(Repr.repr("caf\u00e9\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("<6 bytes: \"caf\u00e9\\n\">");
		assertThat(Repr.repr("a".getBytes(StandardCharsets.UTF_8))).isEqualTo("<1 byte: \"a\">");
		assertThat(Repr.repr(new byte[0])).isEqualTo("<0 bytes>");
	}

	@Test
	void bytesThatAreNotTextAreHexWithTheirLength() {
		assertThat(Repr.repr(new byte[] { 0x0a, (byte) 0xff, 0 })).isEqualTo("<3 bytes: 0a ff 00>");
		assertThat(Repr.repr(new byte[] { 'a', 1, 'b' })).isEqualTo("<3 bytes: 61 01 62>");
		byte[] long40 = new byte[40];
		long40[0] = (byte) 0xc3;
		assertThat(Repr.repr(long40)).isEqualTo("<40 bytes: c3" + " 00".repeat(31) + " ...>");
	}

	@Test
	void textIsValidUtf8WithoutControlCharacters() {
		assertThat(Repr.text("a\tb\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\tb\r\n");
		assertThat(Repr.text(new byte[] { 'a', 0 })).isNull();
		assertThat(Repr.text(new byte[] { 'a', 0x7f })).isNull();
		assertThat(Repr.text(new byte[] { (byte) 0xc3 })).isNull();
		assertThat(Repr.text(new byte[0])).isEmpty();
	}

	@Test
	void recordsAndBeansRenderAsTheJsonJacksonWrites() {
		assertThat(Repr.repr(new Money("EUR", 5))).isEqualTo("{\"currency\":\"EUR\",\"amount\":5}");
		assertThat(Repr.repr(map("price", new Money("EUR", 5))))
			.isEqualTo("{\"price\":{\"currency\":\"EUR\",\"amount\":5}}");
		assertThat(Repr.repr(Kind.MISMATCH)).isEqualTo("\"MISMATCH\"");
		assertThat(Repr.plain(new Money("EUR", 5))).isEqualTo(map("currency", "EUR", "amount", 5));
	}

	@Test
	void objectsJacksonCannotWriteRenderThroughToString() {
		assertThat(Repr.repr(new Opaque())).isEqualTo("opaque");
		Object plain = new Opaque();
		assertThat(Repr.plain(plain)).isSameAs(plain);
	}

	@Test
	void aFailingToStringRendersTheTypeName() {
		Object broken = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("boom");
			}
		};
		assertThat(Repr.repr(broken)).startsWith("<").endsWith(">").doesNotContain("boom");
		assertThat(Repr.repr(new Broken())).isEqualTo("<Broken>");
		assertThat(Repr.repr(List.of(1, new Broken()))).isEqualTo("[1,<Broken>]");
	}

	@Test
	void aRenderingLongerThan200CharactersIsCut() {
		String rendered = Repr.repr("x".repeat(300));
		assertThat(rendered).hasSize(200).isEqualTo("\"" + "x".repeat(196) + "...");
		assertThat(Repr.repr("x".repeat(198))).hasSize(200).endsWith("x\"");
		assertThat(Repr.repr("x".repeat(199))).hasSize(200).endsWith("...");
	}

	@Test
	void largeAndDeepStructuresAreCutWithoutRenderingEverything() {
		List<Object> deep = new ArrayList<>();
		List<Object> current = deep;
		for (int i = 0; i < 100_000; i++) {
			List<Object> next = new ArrayList<>();
			current.add(next);
			current = next;
		}
		assertThat(Repr.repr(deep)).hasSize(200).startsWith("[[[[").endsWith("...");
		assertThat(Repr.pretty(deep)).hasSizeLessThanOrEqualTo(16 * 1024).endsWith("...");
		List<Integer> big = new ArrayList<>();
		for (int i = 0; i < 1_000_000; i++) {
			big.add(i);
		}
		assertThat(Repr.repr(big)).hasSize(200).startsWith("[0,1,2,").endsWith("...");
	}

	@Test
	void cuttingNeverSplitsASurrogatePair() {
		String rendered = Repr.repr("x".repeat(195) + "\uD83D\uDE00\uD83D\uDE00");
		assertThat(rendered).isEqualTo("\"" + "x".repeat(195) + "...");
	}

	@Test
	void prettyRenderingIndentsByTwoSpacesForADiff() {
		assertThat(Repr.pretty(map("status", "PAID", "items", List.of(1, map("id", "a")), "none", List.of(), "bytes",
				new byte[] { 1 })))
			.isEqualTo("""
					{
					  "status": "PAID",
					  "items": [
					    1,
					    {
					      "id": "a"
					    }
					  ],
					  "none": [],
					  "bytes": <1 byte: 01>
					}""");
		assertThat(Repr.pretty("x".repeat(300))).isEqualTo("\"" + "x".repeat(300) + "\"");
	}

	@Test
	void quotingIsNeverCut() {
		assertThat(Repr.quote("x".repeat(300))).isEqualTo("\"" + "x".repeat(300) + "\"");
		assertThat(Repr.quote("trace.id")).isEqualTo("\"trace.id\"");
	}

	@Test
	void argumentsAreCommaSeparated() {
		assertThat(Repr.arguments(List.of("PASS", "FAIL"))).isEqualTo("\"PASS\", \"FAIL\"");
		assertThat(Repr.arguments(List.of(1))).isEqualTo("1");
		assertThat(Repr.arguments(List.of())).isEmpty();
		assertThat(Repr.arguments(Arrays.asList(null, true))).isEqualTo("null, true");
	}

	@Test
	void hexIsLowerCaseWithoutSeparators() {
		assertThat(Repr.hex(new byte[] { 1, 2, (byte) 0xab, (byte) 0xff })).isEqualTo("0102abff");
		assertThat(Repr.hex(new byte[0])).isEmpty();
	}

	@Test
	void typeNamesAreJsonTypes() {
		assertThat(Repr.typeName(Map.of())).isEqualTo("object");
		assertThat(Repr.typeName(List.of())).isEqualTo("array");
		assertThat(Repr.typeName(new HashSet<>())).isEqualTo("array");
		assertThat(Repr.typeName("s")).isEqualTo("string");
		assertThat(Repr.typeName(1)).isEqualTo("number");
		assertThat(Repr.typeName(1L)).isEqualTo("number");
		assertThat(Repr.typeName(BigInteger.ONE)).isEqualTo("number");
		assertThat(Repr.typeName(1.0)).isEqualTo("number");
		assertThat(Repr.typeName(BigDecimal.ONE)).isEqualTo("number");
		assertThat(Repr.typeName(true)).isEqualTo("boolean");
		assertThat(Repr.typeName(null)).isEqualTo("null");
		assertThat(Repr.typeName(new byte[0])).isEqualTo("bytes");
		assertThat(Repr.typeName(new Money("EUR", 1))).isEqualTo("Money");
		assertThat(Repr.typeName(new Object() {
		})).startsWith(ReprTests.class.getName() + "$");
	}

	record Money(String currency, int amount) {
	}

	static final class Opaque {

		@Override
		public String toString() {
			return "opaque";
		}

	}

	static final class Broken {

		@Override
		public String toString() {
			throw new IllegalStateException("boom");
		}

	}

}

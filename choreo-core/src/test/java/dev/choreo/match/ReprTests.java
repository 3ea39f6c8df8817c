package dev.choreo.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.choreo.internal.Repr;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

class ReprTests {

	@Test
	void stringsAreSingleQuotedWithEscapes() {
		assertThat(Repr.repr("PASS")).isEqualTo("'PASS'");
		assertThat(Repr.repr("it's")).isEqualTo("'it\\'s'");
		assertThat(Repr.repr("a\\b")).isEqualTo("'a\\\\b'");
		assertThat(Repr.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
		assertThat(Repr.repr("")).isEqualTo("''");
	}

	@Test
	void nonPrintableCharactersAreEscaped() {
		assertThat(Repr.repr("a\nb\tc\rd")).isEqualTo("'a\\nb\\tc\\rd'");
		assertThat(Repr.repr("\u0000\u001f\u007f")).isEqualTo("'\\x00\\x1f\\x7f'");
		assertThat(Repr.repr("\u00a0")).isEqualTo("'\\xa0'");
		assertThat(Repr.repr("zero\u200bwidth")).isEqualTo("'zero\\u200bwidth'");
		assertThat(Repr.repr("\uDB80\uDC00")).isEqualTo("'\\U000f0000'");
		assertThat(Repr.repr("\uD800")).isEqualTo("'\\ud800'");
	}

	@Test
	void printableUnicodeIsKept() {
		assertThat(Repr.repr("caf\u00e9 \u65e5\u672c \uD83D\uDE00")).isEqualTo("'caf\u00e9 \u65e5\u672c \uD83D\uDE00'");
	}

	@Test
	void numbersBooleansAndNullRenderBare() {
		assertThat(Repr.repr(42)).isEqualTo("42");
		assertThat(Repr.repr(-7L)).isEqualTo("-7");
		assertThat(Repr.repr(new BigInteger("123456789012345678901234567890")))
			.isEqualTo("123456789012345678901234567890");
		assertThat(Repr.repr(1.5)).isEqualTo("1.5");
		assertThat(Repr.repr(1.0)).isEqualTo("1.0");
		assertThat(Repr.repr(1e10)).isEqualTo("1.0E10");
		assertThat(Repr.repr(1.1f)).isEqualTo("1.1");
		assertThat(Repr.repr(Double.NaN)).isEqualTo("NaN");
		assertThat(Repr.repr(new BigDecimal("1.50"))).isEqualTo("1.50");
		assertThat(Repr.repr(true)).isEqualTo("true");
		assertThat(Repr.repr(false)).isEqualTo("false");
		assertThat(Repr.repr(null)).isEqualTo("null");
	}

	@Test
	void mapsAndListsRenderTheirContents() {
		assertThat(Repr.repr(map("k", 1, "k2", List.of("a", 2.5), "k3", null, 4, true)))
			.isEqualTo("{'k': 1, 'k2': ['a', 2.5], 'k3': null, 4: true}");
		assertThat(Repr.repr(List.of(1, 2))).isEqualTo("[1, 2]");
		assertThat(Repr.repr(List.of())).isEqualTo("[]");
		assertThat(Repr.repr(Map.of())).isEqualTo("{}");
		assertThat(Repr.repr(Arrays.asList(null, map("a", List.of())))).isEqualTo("[null, {'a': []}]");
	}

	@Test
	void bytesRenderAsByteLiterals() {
		assertThat(Repr.repr(new byte[] { 1, 2 })).isEqualTo("b'\\x01\\x02'");
		assertThat(Repr.repr("ab'\\\n".getBytes())).isEqualTo("b'ab\\'\\\\\\n'");
		assertThat(Repr.repr(new byte[] { (byte) 0xff, 0x7f, 0x20 })).isEqualTo("b'\\xff\\x7f '");
		assertThat(Repr.repr(new byte[0])).isEqualTo("b''");
	}

	@Test
	void otherObjectsRenderThroughToString() {
		assertThat(Repr.repr(new Money("EUR", 5))).isEqualTo("Money[currency=EUR, amount=5]");
		assertThat(Repr.repr(new HashSet<>(List.of("x")))).isEqualTo("[x]");
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
		assertThat(Repr.repr(List.of(1, new Broken()))).isEqualTo("[1, <Broken>]");
	}

	@Test
	void aRenderingLongerThan200CharactersIsCut() {
		String rendered = Repr.repr("x".repeat(300));
		assertThat(rendered).hasSize(200).isEqualTo("'" + "x".repeat(196) + "...");
		assertThat(Repr.repr("x".repeat(198))).hasSize(200).endsWith("x'");
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
		List<Integer> big = new ArrayList<>();
		for (int i = 0; i < 1_000_000; i++) {
			big.add(i);
		}
		assertThat(Repr.repr(big)).hasSize(200).startsWith("[0, 1, 2, ").endsWith("...");
	}

	@Test
	void cuttingNeverSplitsASurrogatePair() {
		String rendered = Repr.repr("x".repeat(195) + "\uD83D\uDE00\uD83D\uDE00");
		assertThat(rendered).isEqualTo("'" + "x".repeat(195) + "...");
	}

	@Test
	void tuplesRenderInParentheses() {
		assertThat(Repr.tuple(List.of("PASS", "FAIL"))).isEqualTo("('PASS', 'FAIL')");
		assertThat(Repr.tuple(List.of(1))).isEqualTo("(1)");
		assertThat(Repr.tuple(List.of())).isEqualTo("()");
		assertThat(Repr.tuple(Arrays.asList(null, true))).isEqualTo("(null, true)");
	}

	@Test
	void hexIsLowerCaseWithoutSeparators() {
		assertThat(Repr.hex(new byte[] { 1, 2, (byte) 0xab, (byte) 0xff })).isEqualTo("0102abff");
		assertThat(Repr.hex(new byte[0])).isEmpty();
	}

	@Test
	void typeNamesFollowTheJsonVocabulary() {
		assertThat(Repr.typeName(Map.of())).isEqualTo("dict");
		assertThat(Repr.typeName(List.of())).isEqualTo("list");
		assertThat(Repr.typeName("s")).isEqualTo("str");
		assertThat(Repr.typeName(1)).isEqualTo("int");
		assertThat(Repr.typeName(1L)).isEqualTo("int");
		assertThat(Repr.typeName((short) 1)).isEqualTo("int");
		assertThat(Repr.typeName((byte) 1)).isEqualTo("int");
		assertThat(Repr.typeName(BigInteger.ONE)).isEqualTo("int");
		assertThat(Repr.typeName(1.0)).isEqualTo("float");
		assertThat(Repr.typeName(1.0f)).isEqualTo("float");
		assertThat(Repr.typeName(BigDecimal.ONE)).isEqualTo("float");
		assertThat(Repr.typeName(true)).isEqualTo("bool");
		assertThat(Repr.typeName(null)).isEqualTo("null");
		assertThat(Repr.typeName(new byte[0])).isEqualTo("byte[]");
		assertThat(Repr.typeName(new Money("EUR", 1))).isEqualTo("Money");
		assertThat(Repr.typeName(new Object() {
		})).startsWith(ReprTests.class.getName() + "$");
	}

	record Money(String currency, int amount) {
	}

	static final class Broken {

		@Override
		public String toString() {
			throw new IllegalStateException("boom");
		}

	}

}

package dev.choreo.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.valueEquals;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.valueIn;
import static dev.choreo.match.Matchers.lt;
import static dev.choreo.match.Matchers.ne;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

class EqualitySemanticsTests {

	@Test
	void numbersEqualByValueAcrossTypes() {
		List<Object> ones = List.of(1, 1L, (short) 1, (byte) 1, BigInteger.ONE, 1.0f, 1.0, new BigDecimal("1.00"));
		for (Object left : ones) {
			for (Object right : ones) {
				assertThat(valueEquals(left).match(right).matched())
					.as("%s (%s) == %s (%s)", left, left.getClass(), right, right.getClass())
					.isTrue();
			}
		}
	}

	@Test
	void decimalFractionsEqualTheirDoubleSpelling() {
		assertThat(valueEquals(0.1).match(new BigDecimal("0.1")).matched()).isTrue();
		assertThat(valueEquals(new BigDecimal("0.10")).match(0.1).matched()).isTrue();
		assertThat(valueEquals(1.1f).match(1.1).matched()).isTrue();
		assertThat(valueEquals(0.1).match(0.2).matched()).isFalse();
	}

	@Test
	void largeIntegersCompareExactly() {
		BigInteger big = BigInteger.TWO.pow(64);
		assertThat(valueEquals(big).match(new BigDecimal(big)).matched()).isTrue();
		assertThat(valueEquals(big).match(big.add(BigInteger.ONE)).matched()).isFalse();
		assertThat(valueEquals(Long.MAX_VALUE).match(Long.MAX_VALUE - 1).matched()).isFalse();
	}

	@Test
	void booleansNeverEqualNumbers() {
		assertThat(valueEquals(true).match(1)).isEqualTo(
				MatchResult.fail("expected true, got 1", MatchFailure.of(Kind.MISMATCH, MatchFailure.ROOT, true, 1)));
		assertThat(valueEquals(1).match(true).matched()).isFalse();
		assertThat(valueEquals(0).match(false).matched()).isFalse();
		assertThat(valueIn(1, 0).match(true).matched()).isFalse();
		assertThat(ne(1).match(true).matched()).isTrue();
		assertThat(valueEquals(true).match(true).matched()).isTrue();
	}

	@Test
	void stringsNeverEqualNumbers() {
		assertThat(valueEquals("1").match(1).matched()).isFalse();
		assertThat(valueEquals(1).match("1").matched()).isFalse();
	}

	@Test
	void mapsAndListsCompareDeeplyWithTheSameRules() {
		assertThat(valueEquals(map("a", 1, "b", List.of(1, 2))).match(map("b", List.of(1.0, 2L), "a", 1.0)).matched())
			.isTrue();
		assertThat(valueEquals(map("a", 1)).match(map("a", 1, "b", 2)).matched()).isFalse();
		assertThat(valueEquals(map("a", 1)).match(map("a", true)).matched()).isFalse();
		assertThat(valueEquals(map("a", null)).match(map("b", null)).matched()).isFalse();
		assertThat(valueEquals(List.of(1, 2)).match(List.of(2, 1)).matched()).isFalse();
		assertThat(valueEquals(List.of(1, 2)).match(List.of(1, 2, 3)).matched()).isFalse();
		assertThat(valueEquals(List.of(List.of(1))).match(List.of(List.of(1.0))).matched()).isTrue();
		assertThat(valueEquals(Map.of(1, "x")).match(Map.of(1L, "x")).matched()).isTrue();
		assertThat(valueEquals(List.of()).match(Map.of()).matched()).isFalse();
	}

	@Test
	void byteArraysCompareByContent() {
		assertThat(valueEquals(new byte[] { 1, 2 }).match(new byte[] { 1, 2 }).matched()).isTrue();
		assertThat(valueEquals(new byte[] { 1, 2 }).match(new byte[] { 1 }).matched()).isFalse();
	}

	@Test
	void otherObjectsCompareWithEquals() {
		assertThat(valueEquals(new Money("EUR", 5)).match(new Money("EUR", 5)).matched()).isTrue();
		assertThat(valueEquals(new Money("EUR", 5)).match(new Money("USD", 5)).matched()).isFalse();
	}

	@Test
	void anEqualsThatThrowsCountsAsNotEqual() {
		assertThat(valueEquals(new Touchy()).match("x").matched()).isFalse();
	}

	@Test
	void orderingComparesNumbersAcrossTypes() {
		assertThat(gt(1).match(1.5).matched()).isTrue();
		assertThat(gt(new BigDecimal("1.5")).match(2L).matched()).isTrue();
		assertThat(lt(BigInteger.TEN).match(9.99f).matched()).isTrue();
		assertThat(gt(1.0).match(1).matched()).isFalse();
	}

	@Test
	void orderingComparesStringsLexicographically() {
		assertThat(gt("b").match("c").matched()).isTrue();
		assertThat(gt("b").match("ab").matched()).isFalse();
		assertThat(lt("b").match("B").matched()).isTrue();
	}

	@Test
	void orderingAnythingElseIsATypeMismatch() {
		assertThat(gt(0).match(true))
			.isEqualTo(MatchResult.fail("cannot compare true > 0: expected a number, got boolean",
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("gt", 0), true)));
		assertThat(lt(0).match(null).reason()).isEqualTo("cannot compare null < 0: expected a number, got null");
		assertThat(gt("a").match(1).reason()).isEqualTo("cannot compare 1 > \"a\": expected a string, got number");
		assertThat(gt(true).match(false).reason())
			.isEqualTo("cannot compare false > true: only two numbers or two strings compare");
		assertThat(gt(List.of(1)).match(List.of(2)).reason())
			.isEqualTo("cannot compare [2] > [1]: only two numbers or two strings compare");
	}

	@Test
	void notANumberIsUnorderedAndUnequal() {
		assertThat(gt(0).match(Double.NaN)).isEqualTo(MatchResult.fail("expected > 0, got NaN",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, Map.of("gt", 0), Double.NaN)));
		assertThat(lt(0).match(Double.NaN).matched()).isFalse();
		assertThat(valueEquals(Double.NaN).match(Double.NaN).matched()).isFalse();
	}

	@Test
	void infinitiesOrderBeyondEveryFiniteNumber() {
		BigInteger huge = BigInteger.TEN.pow(400);
		assertThat(gt(huge).match(Double.POSITIVE_INFINITY).matched()).isTrue();
		assertThat(lt(huge.negate()).match(Double.NEGATIVE_INFINITY).matched()).isTrue();
		assertThat(gt(Double.POSITIVE_INFINITY).match(huge).matched()).isFalse();
		assertThat(valueEquals(Double.POSITIVE_INFINITY).match(Float.POSITIVE_INFINITY).matched()).isTrue();
		assertThat(gt(Double.NEGATIVE_INFINITY).match(Double.POSITIVE_INFINITY).matched()).isTrue();
	}

	record Money(String currency, int amount) {
	}

	static final class Touchy {

		@Override
		public boolean equals(Object obj) {
			throw new IllegalStateException("do not compare me");
		}

		@Override
		public int hashCode() {
			return 0;
		}

		@Override
		public String toString() {
			return "Touchy";
		}

	}

}

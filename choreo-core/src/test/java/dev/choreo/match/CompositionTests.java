package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.anyOf;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.lt;
import static dev.choreo.match.Matchers.not;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Descriptions, reasons and failures of {@code allOf}, {@code anyOf} and {@code not}, by
 * their DSL names (DESIGN §3 item 13), not the original's {@code all_of} and
 * {@code not_}.
 */
class CompositionTests {

	private static final Map<String, Object> STATUS_SHAPE = Map.of("status", "PASS");

	private static final Map<String, Object> QTY_SHAPE = Map.of("qty", Map.of("gt", 0));

	@Test
	void allOfDescribesItsChildren() {
		MessageMatcher matcher = allOf(fieldEquals("status", "PASS"), fieldGt("qty", 0));
		assertThat(matcher.description()).isEqualTo("allOf(fieldEquals(\"status\", \"PASS\"), fieldGt(\"qty\", 0))");
		assertThat(matcher.expectedShape()).isEqualTo(List.of(STATUS_SHAPE, QTY_SHAPE));
	}

	@Test
	void allOfPassesWithItsOwnDescription() {
		MessageMatcher matcher = allOf(fieldEquals("status", "PASS"), fieldGt("qty", 0));
		assertThat(matcher.match(map("status", "PASS", "qty", 1)))
			.isEqualTo(MatchResult.pass("allOf(fieldEquals(\"status\", \"PASS\"), fieldGt(\"qty\", 0))"));
	}

	@Test
	void allOfStopsAtTheFirstFailureAndKeepsOnlyThatChild() {
		MessageMatcher matcher = allOf(fieldEquals("status", "PASS"), fieldGt("qty", 0));
		MatchResult result = matcher.match(map("status", "FAIL", "qty", 0));
		assertThat(result.reason())
			.isEqualTo("allOf failed on fieldEquals(\"status\", \"PASS\"): at status: expected \"PASS\", got \"FAIL\"");
		assertThat(result.failure())
			.isEqualTo(new MatchFailure(Kind.COMPOSED, "allOf", Map.of("allOf", List.of(STATUS_SHAPE, QTY_SHAPE)), null,
					List.of(MatchFailure.of(Kind.MISMATCH, "status", "PASS", "FAIL"))));
		assertThat(matcher.match(map("status", "PASS", "qty", 0)).reason())
			.isEqualTo("allOf failed on fieldGt(\"qty\", 0): at qty: expected > 0, got 0");
	}

	@Test
	void anyOfPassesOnTheFirstMatch() {
		MessageMatcher matcher = anyOf(fieldEquals("status", "PASS"), fieldGt("qty", 0));
		assertThat(matcher.description()).isEqualTo("anyOf(fieldEquals(\"status\", \"PASS\"), fieldGt(\"qty\", 0))");
		assertThat(matcher.match(map("status", "FAIL", "qty", 1)))
			.isEqualTo(MatchResult.pass("anyOf matched fieldGt(\"qty\", 0)"));
		assertThat(matcher.match(map("status", "PASS", "qty", 1)))
			.isEqualTo(MatchResult.pass("anyOf matched fieldEquals(\"status\", \"PASS\")"));
	}

	@Test
	void anyOfFailsWithEveryChild() {
		MessageMatcher matcher = anyOf(fieldEquals("status", "PASS"), fieldGt("qty", 0));
		MatchResult result = matcher.match(map("status", "FAIL", "qty", 0));
		assertThat(result.reason()).isEqualTo(
				"anyOf: none matched \u2014 at status: expected \"PASS\", got \"FAIL\"; at qty: expected > 0, got 0");
		assertThat(result.failure())
			.isEqualTo(new MatchFailure(Kind.COMPOSED, "anyOf", Map.of("anyOf", List.of(STATUS_SHAPE, QTY_SHAPE)), null,
					List.of(MatchFailure.of(Kind.MISMATCH, "status", "PASS", "FAIL"),
							MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 0), 0))));
		assertThat(matcher.expectedShape()).isEqualTo(List.of(STATUS_SHAPE, QTY_SHAPE));
	}

	@Test
	void notReversesTheInnerResult() {
		MessageMatcher matcher = not(fieldEquals("status", "PASS"));
		assertThat(matcher.description()).isEqualTo("not(fieldEquals(\"status\", \"PASS\"))");
		assertThat(matcher.match(map("status", "FAIL")))
			.isEqualTo(MatchResult.pass("not(fieldEquals(\"status\", \"PASS\"))"));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.pass("not(fieldEquals(\"status\", \"PASS\"))"));
		Object payload = map("status", "PASS");
		assertThat(matcher.match(payload))
			.isEqualTo(MatchResult.fail("not(fieldEquals(\"status\", \"PASS\")) but it matched",
					MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, Map.of("not", STATUS_SHAPE), payload)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("not", STATUS_SHAPE));
	}

	@Test
	void compositionsNest() {
		MessageMatcher matcher = allOf(anyOf(gt(10), lt(0)), not(gt(100)));
		assertThat(matcher.description()).isEqualTo("allOf(anyOf(gt(10), lt(0)), not(gt(100)))");
		assertThat(matcher.match(50).matched()).isTrue();
		assertThat(matcher.match(500).reason()).isEqualTo("allOf failed on not(gt(100)): not(gt(100)) but it matched");
		assertThat(matcher.expectedShape())
			.isEqualTo(List.of(List.of(Map.of("gt", 10), Map.of("lt", 0)), Map.of("not", Map.of("gt", 100))));
	}

	@Test
	void aChildWithoutAFailureGetsAPredicateFailure() {
		MessageMatcher bare = new BareMatcher();
		MatchResult result = allOf(bare).match("x");
		assertThat(result.reason()).isEqualTo("allOf failed on bare: nope");
		assertThat(result.failure()).isNotNull()
			.extracting(MatchFailure::children)
			.isEqualTo(List.of(MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "bare", "x")));
		assertThat(anyOf(bare).match("x").failure()).isNotNull()
			.extracting(MatchFailure::children)
			.isEqualTo(List.of(MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "bare", "x")));
	}

	@Test
	void aChildThatReturnsNoResultCountsAsAFailure() {
		MessageMatcher broken = new NullResultMatcher();
		assertThat(allOf(broken).match("x").reason()).isEqualTo("allOf failed on broken: broken returned no result");
		assertThat(not(broken).match("x")).isEqualTo(MatchResult.pass("not(broken)"));
	}

	@Test
	void childShapesFallBackToTheDescription() {
		assertThat(allOf(new BareMatcher(), new ThrowingShapeMatcher()).expectedShape())
			.isEqualTo(List.of("bare", "shapeless"));
		assertThat(not(new ThrowingShapeMatcher()).expectedShape()).isEqualTo(Map.of("not", "shapeless"));
	}

	@Test
	void compositionsNeedAtLeastOneMatcher() {
		assertThatIllegalArgumentException().isThrownBy(Matchers::allOf)
			.withMessage("allOf needs at least one matcher");
		assertThatIllegalArgumentException().isThrownBy(Matchers::anyOf)
			.withMessage("anyOf needs at least one matcher");
	}

	static final class BareMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "bare";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			return new MatchResult(false, "nope", null);
		}

	}

	static final class NullResultMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "broken";
		}

		@Override
		@SuppressWarnings("NullAway")
		public MatchResult match(@Nullable Object payload) {
			return null;
		}

	}

	static final class ThrowingShapeMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "shapeless";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			return MatchResult.pass("ok");
		}

		@Override
		public Object expectedShape() {
			throw new IllegalStateException("no shape");
		}

	}

}

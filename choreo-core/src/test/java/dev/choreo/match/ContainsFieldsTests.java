package dev.choreo.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.valueEquals;
import static dev.choreo.match.Matchers.exists;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.lt;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code containsFields} in full text: the spec as compact JSON with embedded matchers by
 * their DSL names, reasons with JSON values and JSON type names, paths in
 * {@link FieldPath}'s display notation (DESIGN §3 item 13; the original prints
 * {@code contains_fields({'k': v})} and {@code dict}).
 */
class ContainsFieldsTests {

	private static Map<String, Object> spec(Object... keysAndValues) {
		Map<String, Object> spec = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			spec.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return spec;
	}

	@Test
	void describesTheSpecWithEmbeddedMatcherDescriptions() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED", "qty", gt(0))));
		assertThat(matcher.description())
			.isEqualTo("containsFields({\"item\":{\"status\":\"COMPLETED\",\"qty\":gt(0)}})");
		assertThat(matcher).hasToString(matcher.description());
	}

	@Test
	void describesMapsOfMoreThanThreeKeysByTheirFirstKeys() {
		MessageMatcher matcher = containsFields(spec("a", 1, "b", 2, "c", 3, "d", 4));
		assertThat(matcher.description()).isEqualTo("containsFields({\"a\":...,\"b\":...,\"c\":...,...})");
		assertThat(containsFields(spec("l", List.of(1, valueEquals("x")), "n", null)).description())
			.isEqualTo("containsFields({\"l\":[1,valueEquals(\"x\")],\"n\":null})");
	}

	@Test
	void passesWithContainsAndTheDescribedSpec() {
		MessageMatcher matcher = containsFields(spec("status", "PASS", "qty", gt(0)));
		assertThat(matcher.match(map("status", "PASS", "qty", 3, "extra", true)))
			.isEqualTo(MatchResult.pass("containsFields({\"status\":\"PASS\",\"qty\":gt(0)})"));
	}

	@Test
	void extraKeysAreIgnoredAndNestedMapsAreSubsets() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("item", map("status", "COMPLETED", "qty", 1), "id", 7)).matched()).isTrue();
	}

	@Test
	void listsCompareByPositionAndMayBeLonger() {
		MessageMatcher matcher = containsFields(spec("items", List.of(spec("id", 1), 2)));
		assertThat(matcher.match(map("items", List.of(map("id", 1, "x", 0), 2, 3))).matched()).isTrue();
		assertThat(matcher.match(map("items", List.of(2, map("id", 1)))).matched()).isFalse();
	}

	@Test
	void aShorterListFails() {
		List<Integer> items = List.of(1);
		assertThat(containsFields(spec("items", List.of(1, 2))).match(map("items", items)))
			.isEqualTo(MatchResult.fail("at items: expected at least 2 elements, got 1",
					MatchFailure.of(Kind.PREDICATE, "items", Map.of("minItems", 2), items)));
	}

	@Test
	void aNonListWhereAListIsExpectedIsATypeMismatch() {
		assertThat(containsFields(spec("items", List.of(1))).match(map("items", "x")))
			.isEqualTo(MatchResult.fail("at items: expected array, got string",
					MatchFailure.of(Kind.TYPE_MISMATCH, "items", Map.of("type", "array"), "string")));
	}

	@Test
	void literalsAndMatchersMixAsSiblings() {
		MessageMatcher matcher = containsFields(spec("status", "PASS", "qty", allOf(gt(0), lt(10)), "id", exists()));
		assertThat(matcher.match(map("status", "PASS", "qty", 5, "id", null)).matched()).isTrue();
		assertThat(matcher.match(map("status", "PASS", "qty", 10, "id", 1)).reason())
			.isEqualTo("at qty: allOf failed on lt(10): expected < 10, got 10");
	}

	@Test
	void existsAsALeafMeansTheKeyIsPresent() {
		MessageMatcher matcher = containsFields(spec("id", exists()));
		assertThat(matcher.match(map("id", null)).matched()).isTrue();
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at id: no field \"id\"; expected exists()",
				MatchFailure.of(Kind.MISSING, "id", Map.of("exists", true), null)));
	}

	@Test
	void aNestedLiteralMismatchReportsTheWalkedPath() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("item", map("status", "PENDING"))))
			.isEqualTo(MatchResult.fail("at item.status: expected \"COMPLETED\", got \"PENDING\"",
					MatchFailure.of(Kind.MISMATCH, "item.status", "COMPLETED", "PENDING")));
	}

	@Test
	void aMissingKeyReportsTheChildSpec() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("item", map())))
			.isEqualTo(MatchResult.fail("at item.status: no field \"status\"; expected \"COMPLETED\"",
					MatchFailure.of(Kind.MISSING, "item.status", "COMPLETED", null)));
		assertThat(matcher.match(map()))
			.isEqualTo(MatchResult.fail("at item: no field \"item\"; expected {\"status\":\"COMPLETED\"}",
					MatchFailure.of(Kind.MISSING, "item", Map.of("status", "COMPLETED"), null)));
	}

	@Test
	void aNonMapWhereAMapIsExpectedIsATypeMismatch() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("item", "oops")))
			.isEqualTo(MatchResult.fail("at item: expected object, got string",
					MatchFailure.of(Kind.TYPE_MISMATCH, "item", Map.of("type", "object"), "string")));
		assertThat(matcher.match(List.of())).isEqualTo(MatchResult.fail("expected object, got array",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("type", "object"), "array")));
	}

	@Test
	void pathsTellKeysThatLookLikeIndexesOrContainDotsFromIndexes() {
		MessageMatcher matcher = containsFields(
				spec("items", spec("0", spec("trace.id", "x")), "list", List.of(spec("a b", 1))));
		assertThat(matcher.match(map("items", map("0", map("trace.id", "y")), "list", List.of(map("a b", 1)))))
			.isEqualTo(MatchResult.fail("at items[\"0\"][\"trace.id\"]: expected \"x\", got \"y\"",
					MatchFailure.of(Kind.MISMATCH, "items[\"0\"][\"trace.id\"]", "x", "y")));
		assertThat(matcher.match(map("items", map("0", map("trace.id", "x")), "list", List.of(map("a b", 2)))).reason())
			.isEqualTo("at list[0][\"a b\"]: expected 1, got 2");
		assertThat(matcher.description())
			.isEqualTo("containsFields({\"items\":{\"0\":{\"trace.id\":\"x\"}},\"list\":[{\"a b\":1}]})");
	}

	@Test
	void aMatcherLeafFailureIsReRootedToTheWalkedPath() {
		MessageMatcher matcher = containsFields(spec("item", spec("qty", gt(0))));
		assertThat(matcher.match(map("item", map("qty", 0)))).isEqualTo(MatchResult
			.fail("at item.qty: expected > 0, got 0", MatchFailure.of(Kind.PREDICATE, "item.qty", Map.of("gt", 0), 0)));
	}

	@Test
	void aFieldMatcherLeafKeepsItsOwnPathUnprefixed() {
		MessageMatcher matcher = containsFields(spec("item", fieldGt("qty", 0)));
		assertThat(matcher.match(map("item", map("qty", 0))).failure())
			.isEqualTo(MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 0), 0));
	}

	@Test
	void reRootingRewritesRootAllOfAndAnyOfNodesThroughTheTree() {
		MessageMatcher matcher = containsFields(spec("item", new TreeFailingMatcher()));
		MatchFailure failure = matcher.match(map("item", 1)).failure();
		assertThat(failure).isEqualTo(new MatchFailure(Kind.COMPOSED, "item", "tree", null,
				List.of(MatchFailure.of(Kind.PREDICATE, "item", 1, null),
						MatchFailure.of(Kind.PREDICATE, "item", 2, null),
						MatchFailure.of(Kind.PREDICATE, "qty", 3, null))));
	}

	@Test
	void listLeavesReportIndexedPaths() {
		MessageMatcher matcher = containsFields(spec("entries", List.of(spec("amount", gt(0)))));
		MatchResult result = matcher.match(map("entries", List.of(map("amount", -5))));
		assertThat(result.reason()).isEqualTo("at entries[0].amount: expected > 0, got -5");
		assertThat(result.failure()).isNotNull().extracting(MatchFailure::path).isEqualTo("entries[0].amount");
	}

	@Test
	void aLeafWithoutAFailureGetsAPredicateFailureAtThePath() {
		MessageMatcher matcher = containsFields(spec("item", new CompositionTests.BareMatcher()));
		assertThat(matcher.match(map("item", 1)))
			.isEqualTo(MatchResult.fail("at item: nope", MatchFailure.of(Kind.PREDICATE, "item", "bare", 1)));
	}

	@Test
	void userDefinedMatchersWorkAsLeaves() {
		MessageMatcher even = Matchers.matching("even", (Integer n) -> n % 2 == 0);
		MessageMatcher matcher = containsFields(spec("n", even));
		assertThat(matcher.match(map("n", 4)).matched()).isTrue();
		assertThat(matcher.match(map("n", 3)))
			.isEqualTo(MatchResult.fail("at n: expected even, got 3", MatchFailure.of(Kind.PREDICATE, "n", "even", 3)));
	}

	@Test
	void theFirstMismatchInSpecOrderWins() {
		MessageMatcher matcher = containsFields(spec("b", 1, "a", 1));
		assertThat(matcher.match(map("a", 2, "b", 2)).reason()).isEqualTo("at b: expected 1, got 2");
	}

	@Test
	void literalsUseTheMatcherEquality() {
		MessageMatcher matcher = containsFields(spec("n", 1, "flag", true, "nothing", null));
		assertThat(matcher.match(map("n", 1.0, "flag", true, "nothing", null)).matched()).isTrue();
		assertThat(matcher.match(map("n", 1, "flag", 1, "nothing", null)).reason())
			.isEqualTo("at flag: expected true, got 1");
	}

	@Test
	void expectedShapeIsTheSpecWithMatchersAsTheirShapes() {
		Map<String, Object> literal = spec("status", "PASS", "items", List.of(1, spec("id", 2)));
		assertThat(containsFields(literal).expectedShape()).isEqualTo(literal);
		assertThat(containsFields(spec("qty", gt(0), "id", new CompositionTests.BareMatcher())).expectedShape())
			.isEqualTo(Map.of("qty", Map.of("gt", 0), "id", "bare"));
	}

	@Test
	void theSpecIsCopiedWhenTheMatcherIsBuilt() {
		Map<String, Object> spec = spec("status", "PASS");
		MessageMatcher matcher = containsFields(spec);
		spec.put("status", "FAIL");
		assertThat(matcher.match(map("status", "PASS")).matched()).isTrue();
		assertThat(matcher.description()).isEqualTo("containsFields({\"status\":\"PASS\"})");
	}

	@Test
	void nullKeysAreRejectedWhenBuilt() {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put(null, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> containsFields(spec))
			.withMessage("containsFields spec keys must not be null");
	}

	/**
	 * Fails with a tree whose nodes sit at root-like and ordinary paths.
	 */
	static final class TreeFailingMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "tree";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			MatchFailure failure = new MatchFailure(Kind.COMPOSED, MatchFailure.ROOT, "tree", null,
					List.of(MatchFailure.of(Kind.PREDICATE, "allOf", 1, null),
							MatchFailure.of(Kind.PREDICATE, "anyOf", 2, null),
							MatchFailure.of(Kind.PREDICATE, "qty", 3, null)));
			return MatchResult.fail("tree failed", failure);
		}

	}

}

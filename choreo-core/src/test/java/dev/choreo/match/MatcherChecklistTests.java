package dev.choreo.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.anyElement;
import static dev.choreo.match.Matchers.anyOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.valueEquals;
import static dev.choreo.match.Matchers.every;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.fieldIn;
import static dev.choreo.match.Matchers.fieldLt;
import static dev.choreo.match.Matchers.fieldMatches;
import static dev.choreo.match.Matchers.fieldNe;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.lt;
import static dev.choreo.match.Matchers.valueMatches;
import static dev.choreo.match.Matchers.not;
import static dev.choreo.match.Matchers.payloadContains;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher acceptance checklist (items H-99 to H-116), one or more tests per item.
 * Where the checklist quotes the original's Python texts ({@code all_of}, {@code dict},
 * {@code payload_contains_hex}, {@code 'PASS'}), the Java texts depart deliberately
 * (DESIGN §3 item 13): DSL names ({@code allOf}, {@code payloadContains}), JSON values
 * and JSON type names ({@code object}, {@code string}), and paths that tell an index
 * ({@code items[5]}) from a key. H-113 departs in behaviour too: a received message is
 * searched in its raw bytes and a string payload as text, instead of a TypeError.
 */
class MatcherChecklistTests {

	private static Map<String, Object> spec(Object... keysAndValues) {
		Map<String, Object> spec = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			spec.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return spec;
	}

	@Test // H-99
	void fieldEqualsMatchesEqualityAndNamesBothValuesOnAMismatch() {
		MessageMatcher matcher = fieldEquals("status", "PASS");
		assertThat(matcher.match(map("status", "PASS")).matched()).isTrue();
		MatchResult different = matcher.match(map("status", "FAIL"));
		assertThat(different.matched()).isFalse();
		assertThat(different.reason()).isEqualTo("at status: expected \"PASS\", got \"FAIL\"");
		assertThat(matcher.match(map("other", "PASS")).matched()).isFalse();
	}

	@Test // H-100
	void orderingMatchersAreStrict() {
		assertThat(fieldGt("qty", 100).match(map("qty", 100)).matched()).isFalse();
		assertThat(fieldGt("qty", 100).match(map("qty", 101)).matched()).isTrue();
		assertThat(fieldLt("qty", 100).match(map("qty", 100)).matched()).isFalse();
		assertThat(fieldLt("qty", 100).match(map("qty", 99)).matched()).isTrue();
	}

	@Test // H-100
	void fieldInChecksMembership() {
		assertThat(fieldIn("status", "PASS", "FAIL").match(map("status", "FAIL")).matched()).isTrue();
		assertThat(fieldIn("status", "PASS", "FAIL").match(map("status", "SKIP")).matched()).isFalse();
	}

	@Test // H-100
	void fieldExistsChecksPresenceEvenForNull() {
		assertThat(fieldExists("id").match(map("id", null)).matched()).isTrue();
		assertThat(fieldExists("id").match(map("id", 0)).matched()).isTrue();
		assertThat(fieldExists("id").match(map()).matched()).isFalse();
	}

	@Test // H-101
	void fieldNeOnAMissingFieldDoesNotMatch() {
		MatchResult result = fieldNe("status", "PASS").match(map());
		assertThat(result.matched()).isFalse();
		assertThat(result.reason()).isEqualTo("at status: no field \"status\"");
	}

	@Test // H-102
	void regexMatchersUseAFullMatch() {
		assertThat(fieldMatches("code", "A\\d").match(map("code", "A1")).matched()).isTrue();
		assertThat(fieldMatches("code", "A\\d").match(map("code", "A12")).matched()).isFalse();
		assertThat(fieldMatches("code", "A\\d").match(map("code", "xA1")).matched()).isFalse();
		assertThat(valueMatches("A\\d").match("A1").matched()).isTrue();
		assertThat(valueMatches("A\\d").match("A1 ").matched()).isFalse();
	}

	@Test // H-102
	void regexMatchersAreFalseForNonStrings() {
		assertThat(fieldMatches("code", "\\d+").match(map("code", 12)).matched()).isFalse();
		assertThat(valueMatches("\\d+").match(12).matched()).isFalse();
		assertThat(valueMatches("null").match(null).matched()).isFalse();
		assertThat(valueMatches("true").match(true).matched()).isFalse();
	}

	@Test // H-103
	void dottedPathsWalkNestedMapsAndListIndexes() {
		Object payload = map("order", map("items", List.of(map("id", "a"), map("id", "b"))));
		assertThat(fieldEquals("order.items.0.id", "a").match(payload).matched()).isTrue();
		assertThat(fieldEquals("order.items.1.id", "b").match(payload).matched()).isTrue();
		assertThat(fieldEquals("order.items.-1.id", "b").match(payload).matched()).isTrue();
	}

	@Test // H-103
	void anIndexOutOfRangeDoesNotMatch() {
		Object payload = map("items", List.of(map("id", "a")));
		MatchResult result = fieldEquals("items.5.id", "a").match(payload);
		assertThat(result.matched()).isFalse();
		assertThat(result.failure()).isEqualTo(MatchFailure.of(Kind.MISSING, "items[5].id", "a", null));
		assertThat(result.reason()).isEqualTo("at items[5].id: no index 5: items has 1 element");
		assertThat(fieldExists("items.-2").match(payload).matched()).isFalse();
	}

	@Test // H-104
	void aOnePartPathReachesADottedKeyButTheDottedStringDoesNot() {
		Object payload = map("trace.id", "t-1");
		assertThat(fieldEquals(FieldPath.of("trace.id"), "t-1").match(payload).matched()).isTrue();
		MatchResult dotted = fieldEquals("trace.id", "t-1").match(payload);
		assertThat(dotted.matched()).isFalse();
		assertThat(dotted.reason()).isEqualTo("at trace.id: no field \"trace\"; the payload has a key \"trace.id\": "
				+ "use FieldPath.of(\"trace.id\") for a key that contains a dot");
	}

	@Test // H-104
	void aStringPartIsAKeyAndAnIntegerPartIsAnIndex() {
		Object keyed = map("items", map("0", "zero"));
		Object indexed = map("items", List.of("zero"));
		assertThat(fieldEquals(FieldPath.of("items", "0"), "zero").match(keyed).matched()).isTrue();
		assertThat(fieldEquals(FieldPath.of("items", "0"), "zero").match(indexed).matched()).isFalse();
		assertThat(fieldEquals(FieldPath.of("items", 0), "zero").match(indexed).matched()).isTrue();
		assertThat(fieldEquals(FieldPath.of("items", 0), "zero").match(keyed).matched()).isFalse();
	}

	@Test // H-105
	void failureStructuresOfFlatMatchers() {
		assertThat(fieldEquals("status", "PASS").match(map("status", "FAIL")).failure())
			.isEqualTo(MatchFailure.of(Kind.MISMATCH, "status", "PASS", "FAIL"));
		assertThat(fieldEquals("status", "PASS").match(map()).failure())
			.isEqualTo(MatchFailure.of(Kind.MISSING, "status", "PASS", null));
		assertThat(fieldIn("reason", "A", "B").match(map("reason", "OTHER")).failure())
			.isEqualTo(MatchFailure.of(Kind.PREDICATE, "reason", Map.of("valueIn", List.of("A", "B")), "OTHER"));
		assertThat(fieldGt("qty", 100).match(map("qty", 99)).failure())
			.isEqualTo(MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 100), 99));
		assertThat(fieldGt("qty", 100).match(map("qty", "many")).failure())
			.isEqualTo(MatchFailure.of(Kind.TYPE_MISMATCH, "qty", Map.of("gt", 100), "many"));
		assertThat(fieldExists("a.b").match(map("a", map())).failure())
			.isEqualTo(MatchFailure.of(Kind.MISSING, "a.b", Map.of("exists", true), null));
		assertThat(valueEquals(42).match(7).failure()).isEqualTo(MatchFailure.of(Kind.MISMATCH, "<root>", 42, 7));
	}

	@Test // H-106
	void gtOnAStringCannotCompare() {
		MatchResult result = gt(0).match("abc");
		assertThat(result.matched()).isFalse();
		assertThat(result.reason()).contains("cannot compare")
			.isEqualTo("cannot compare \"abc\" > 0: expected a number, got string");
	}

	@Test // H-107
	void allOfKeepsExactlyOneChildAndAnyOfKeepsThemAll() {
		MatchFailure all = allOf(gt(0), lt(0), valueEquals(5)).match(-1).failure();
		assertThat(all).isNotNull();
		assertThat(all.kind()).isEqualTo(Kind.COMPOSED);
		assertThat(all.path()).isEqualTo("allOf");
		assertThat(all.children()).hasSize(1);
		MatchFailure any = anyOf(gt(0), valueEquals(5), valueEquals(6)).match(-1).failure();
		assertThat(any).isNotNull();
		assertThat(any.kind()).isEqualTo(Kind.COMPOSED);
		assertThat(any.path()).isEqualTo("anyOf");
		assertThat(any.children()).hasSize(3);
	}

	@Test // H-108
	void notOnAMatchingPayloadFailsWithTheInnerShape() {
		Object payload = map("status", "PASS");
		assertThat(not(fieldEquals("status", "PASS")).match(payload).failure())
			.isEqualTo(MatchFailure.of(Kind.PREDICATE, "<root>", Map.of("not", Map.of("status", "PASS")), payload));
	}

	@Test // H-109
	void everyFailsOnOneBadElementAndOnANonList() {
		assertThat(every(gt(0)).match(List.of(1, 0, 3)).matched()).isFalse();
		assertThat(every(gt(0)).match(List.of(1, 2, 3)).matched()).isTrue();
		assertThat(every(gt(0)).match("123").matched()).isFalse();
	}

	@Test // H-109
	void anyElementNeedsOneGoodElementAndAList() {
		assertThat(anyElement(gt(2)).match(List.of(1, 0, 3)).matched()).isTrue();
		assertThat(anyElement(gt(5)).match(List.of(1, 0, 3)).matched()).isFalse();
		assertThat(anyElement(gt(5)).match(Map.of("a", 6)).matched()).isFalse();
	}

	@Test // H-110
	void containsFieldsIgnoresExtraKeysAndWalksNestedMaps() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("id", 1, "item", map("status", "COMPLETED", "qty", 2))).matched()).isTrue();
	}

	@Test // H-110
	void containsFieldsComparesListsByPositionAllowingLongerPayloads() {
		MessageMatcher matcher = containsFields(spec("tags", List.of("a", "b")));
		assertThat(matcher.match(map("tags", List.of("a", "b", "c"))).matched()).isTrue();
		assertThat(matcher.match(map("tags", List.of("b", "a"))).matched()).isFalse();
		assertThat(matcher.match(map("tags", List.of("a"))).matched()).isFalse();
	}

	@Test // H-110
	void containsFieldsMixesLiteralsAndMatchersIncludingCompositionsAndUserMatchers() {
		MessageMatcher even = new EvenMatcher();
		MessageMatcher matcher = containsFields(spec("status", "PASS", "qty", allOf(gt(0), lt(10)), "n", even));
		assertThat(matcher.match(map("status", "PASS", "qty", 5, "n", 4)).matched()).isTrue();
		assertThat(matcher.match(map("status", "PASS", "qty", 50, "n", 4)).matched()).isFalse();
		assertThat(matcher.match(map("status", "PASS", "qty", 5, "n", 3)).matched()).isFalse();
	}

	@Test // H-111
	void containsFieldsFailurePathsForLiteralsMissingKeysAndTypes() {
		MessageMatcher matcher = containsFields(spec("item", spec("status", "COMPLETED")));
		assertThat(matcher.match(map("item", map("status", "PENDING"))).failure())
			.isEqualTo(MatchFailure.of(Kind.MISMATCH, "item.status", "COMPLETED", "PENDING"));
		assertThat(matcher.match(map("item", map())).failure())
			.isEqualTo(MatchFailure.of(Kind.MISSING, "item.status", "COMPLETED", null));
		assertThat(matcher.match(map("item", "oops")).failure())
			.isEqualTo(MatchFailure.of(Kind.TYPE_MISMATCH, "item", Map.of("type", "object"), "string"));
	}

	@Test // H-111
	void containsFieldsReRootsMatcherLeaves() {
		assertThat(containsFields(spec("item", spec("qty", gt(0)))).match(map("item", map("qty", 0))).failure())
			.isEqualTo(MatchFailure.of(Kind.PREDICATE, "item.qty", Map.of("gt", 0), 0));
		MatchFailure composed = containsFields(spec("item", new ContainsFieldsTests.TreeFailingMatcher()))
			.match(map("item", 1))
			.failure();
		assertThat(composed).isNotNull();
		assertThat(composed.path()).isEqualTo("item");
		assertThat(composed.children()).extracting(MatchFailure::path).containsExactly("item", "item", "qty");
		assertThat(containsFields(spec("entries", List.of(spec("amount", gt(0)))))
			.match(map("entries", List.of(map("amount", 0))))
			.reason()).contains("entries[0].amount");
	}

	@Test // H-112
	void expectedShapes() {
		assertThat(fieldEquals("status", "PASS").expectedShape()).isEqualTo(Map.of("status", "PASS"));
		assertThat(fieldIn("status", "PASS", "FAIL").expectedShape())
			.isEqualTo(Map.of("status", Map.of("valueIn", List.of("PASS", "FAIL"))));
		Map<String, Object> spec = spec("status", "PASS", "item", spec("qty", 1));
		assertThat(containsFields(spec).expectedShape()).isEqualTo(spec);
		assertThat(allOf(valueEquals(1), valueEquals(2)).expectedShape()).isEqualTo(List.of(1, 2));
		assertThat(anyOf(valueEquals(1), valueEquals(2)).expectedShape()).isEqualTo(List.of(1, 2));
		assertThat(not(valueEquals(1)).expectedShape()).isEqualTo(Map.of("not", 1));
		assertThat(payloadContains(new byte[] { 1, 2 }).expectedShape()).usingRecursiveComparison()
			.isEqualTo(Map.of("payloadContains", new byte[] { 1, 2 }));
		assertThat(payloadContains("PAID").expectedShape()).isEqualTo(Map.of("payloadContains", "PAID"));
	}

	@Test // H-113
	void payloadContainsFindsASubsequenceAndRejectsDecodedValuesWithoutThrowing() {
		MessageMatcher matcher = payloadContains("PAID".getBytes());
		assertThat(matcher.match("status=PAID;".getBytes()).matched()).isTrue();
		assertThat(matcher.match("status=OPEN;".getBytes()).matched()).isFalse();
		MatchResult object = matcher.match(map("status", "PAID"));
		assertThat(object.matched()).isFalse();
		assertThat(object.failure()).isNotNull().extracting(MatchFailure::kind).isEqualTo(Kind.TYPE_MISMATCH);
		assertThat(object.reason())
			.isEqualTo("payloadContains(<4 bytes: \"PAID\">) looks at the raw message or at a string, got object");
		assertThat(matcher.match("status=PAID").matched()).isTrue();
		ReceivedMessage json = new ReceivedMessage("t", map("status", "PAID"), "{\"status\":\"PAID\"}".getBytes(),
				Map.of(), null);
		assertThat(matcher.matchMessage(json).matched()).isTrue();
	}

	@Test // H-114
	void composedDescriptionsContainTheChildDescriptions() {
		String description = allOf(fieldEquals("status", "PASS"), anyOf(fieldGt("qty", 0), not(fieldExists("error"))))
			.description();
		assertThat(description).contains("status")
			.contains("qty")
			.contains("error")
			.isEqualTo("allOf(fieldEquals(\"status\", \"PASS\"), anyOf(fieldGt(\"qty\", 0), "
					+ "not(fieldExists(\"error\"))))");
		assertThat(containsFields(spec("qty", gt(0))).description()).contains("gt(0)")
			.isEqualTo("containsFields({\"qty\":gt(0)})");
	}

	@Test // H-115
	void aCustomMatcherWithoutAShapeHasNoShapeAndCompositionsUseItsDescription() {
		MessageMatcher even = new EvenMatcher();
		assertThat(even.expectedShape()).isNull();
		assertThat(allOf(even).expectedShape()).isEqualTo(List.of("even"));
		assertThat(every(even).expectedShape()).isEqualTo(Map.of("every", "even"));
	}

	@Test // H-115
	void aCustomMatcherWhoseShapeThrowsNeverBreaksACompositionsShape() {
		MessageMatcher throwing = new CompositionTests.ThrowingShapeMatcher();
		assertThat(anyOf(throwing).expectedShape()).isEqualTo(List.of("shapeless"));
		assertThat(anyElement(throwing).expectedShape()).isEqualTo(Map.of("anyElement", "shapeless"));
		assertThat(containsFields(spec("a", throwing)).expectedShape()).isEqualTo(Map.of("a", "shapeless"));
	}

	@Test // H-116
	void oneInstanceGivesIndependentResultsForDifferentPayloads() {
		MessageMatcher matcher = allOf(fieldGt("qty", 0), containsFields(spec("status", "PASS")));
		MatchResult first = matcher.match(map("qty", 1, "status", "PASS"));
		MatchResult second = matcher.match(map("qty", 0, "status", "PASS"));
		MatchResult third = matcher.match(map("qty", 1, "status", "PASS"));
		assertThat(first.matched()).isTrue();
		assertThat(second.matched()).isFalse();
		assertThat(third).isEqualTo(first);
	}

	static final class EvenMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "even";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			if (payload instanceof Integer n && n % 2 == 0) {
				return MatchResult.pass("even");
			}
			return MatchResult.fail("not even", MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "even", payload));
		}

	}

}

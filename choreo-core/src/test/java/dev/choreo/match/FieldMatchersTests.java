package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.fieldIn;
import static dev.choreo.match.Matchers.fieldLt;
import static dev.choreo.match.Matchers.fieldMatches;
import static dev.choreo.match.Matchers.fieldNe;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Descriptions, reasons, failures and shapes of the flat field matchers, in full text.
 * Descriptions are DSL calls and values JSON (DESIGN §3 item 13), not the original's
 * {@code status = 'PASS'}.
 */
class FieldMatchersTests {

	@Test
	void fieldEqualsDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldEquals("status", "PASS");
		assertThat(matcher.description()).isEqualTo("fieldEquals(\"status\", \"PASS\")");
		assertThat(matcher).hasToString("fieldEquals(\"status\", \"PASS\")");
		assertThat(matcher.match(map("status", "PASS")))
			.isEqualTo(MatchResult.pass("fieldEquals(\"status\", \"PASS\")"));
		assertThat(matcher.match(map("status", "FAIL")))
			.isEqualTo(MatchResult.fail("at status: expected \"PASS\", got \"FAIL\"",
					MatchFailure.of(Kind.MISMATCH, "status", "PASS", "FAIL")));
		assertThat(matcher.match(map("other", 1))).isEqualTo(MatchResult.fail("at status: no field \"status\"",
				MatchFailure.of(Kind.MISSING, "status", "PASS", null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("status", "PASS"));
	}

	@Test
	void fieldNeDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldNe("status", "PASS");
		assertThat(matcher.description()).isEqualTo("fieldNe(\"status\", \"PASS\")");
		assertThat(matcher.match(map("status", "FAIL"))).isEqualTo(MatchResult.pass("fieldNe(\"status\", \"PASS\")"));
		assertThat(matcher.match(map("status", "PASS")))
			.isEqualTo(MatchResult.fail("at status: expected a value other than \"PASS\", got \"PASS\"",
					MatchFailure.of(Kind.PREDICATE, "status", Map.of("ne", "PASS"), "PASS")));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at status: no field \"status\"",
				MatchFailure.of(Kind.MISSING, "status", Map.of("ne", "PASS"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("status", Map.of("ne", "PASS")));
	}

	@Test
	void fieldInDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldIn("reason", "PASS", "FAIL");
		assertThat(matcher.description()).isEqualTo("fieldIn(\"reason\", \"PASS\", \"FAIL\")");
		assertThat(matcher.match(map("reason", "FAIL")))
			.isEqualTo(MatchResult.pass("fieldIn(\"reason\", \"PASS\", \"FAIL\")"));
		assertThat(matcher.match(map("reason", "OTHER")))
			.isEqualTo(MatchResult.fail("at reason: expected one of [\"PASS\",\"FAIL\"], got \"OTHER\"",
					MatchFailure.of(Kind.PREDICATE, "reason", Map.of("valueIn", List.of("PASS", "FAIL")), "OTHER")));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at reason: no field \"reason\"",
				MatchFailure.of(Kind.MISSING, "reason", Map.of("valueIn", List.of("PASS", "FAIL")), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("reason", Map.of("valueIn", List.of("PASS", "FAIL"))));
	}

	@Test
	void fieldInTakesACollection() {
		MessageMatcher matcher = fieldIn("qty", List.of(1, 2));
		assertThat(matcher.description()).isEqualTo("fieldIn(\"qty\", 1, 2)");
		assertThat(matcher.match(map("qty", 2L)).matched()).isTrue();
		assertThat(fieldIn("qty", List.of()).match(map("qty", 1)).reason())
			.isEqualTo("at qty: expected one of [], got 1");
	}

	@Test
	void fieldGtDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldGt("qty", 100);
		assertThat(matcher.description()).isEqualTo("fieldGt(\"qty\", 100)");
		assertThat(matcher.match(map("qty", 101))).isEqualTo(MatchResult.pass("fieldGt(\"qty\", 100)"));
		assertThat(matcher.match(map("qty", 100))).isEqualTo(MatchResult.fail("at qty: expected > 100, got 100",
				MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 100), 100)));
		assertThat(matcher.match(map("qty", "many")))
			.isEqualTo(MatchResult.fail("at qty: cannot compare \"many\" > 100: expected a number, got string",
					MatchFailure.of(Kind.TYPE_MISMATCH, "qty", Map.of("gt", 100), "many")));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at qty: no field \"qty\"",
				MatchFailure.of(Kind.MISSING, "qty", Map.of("gt", 100), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("qty", Map.of("gt", 100)));
	}

	@Test
	void fieldLtDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldLt("qty", 100);
		assertThat(matcher.description()).isEqualTo("fieldLt(\"qty\", 100)");
		assertThat(matcher.match(map("qty", 99))).isEqualTo(MatchResult.pass("fieldLt(\"qty\", 100)"));
		assertThat(matcher.match(map("qty", 100))).isEqualTo(MatchResult.fail("at qty: expected < 100, got 100",
				MatchFailure.of(Kind.PREDICATE, "qty", Map.of("lt", 100), 100)));
		assertThat(matcher.match(map("qty", null)))
			.isEqualTo(MatchResult.fail("at qty: cannot compare null < 100: expected a number, got null",
					MatchFailure.of(Kind.TYPE_MISMATCH, "qty", Map.of("lt", 100), null)));
		assertThat(fieldLt("name", "m").match(map("name", 5)).reason())
			.isEqualTo("at name: cannot compare 5 < \"m\": expected a string, got number");
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("qty", Map.of("lt", 100)));
	}

	@Test
	void fieldExistsDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldExists("entityId");
		assertThat(matcher.description()).isEqualTo("fieldExists(\"entityId\")");
		assertThat(matcher.match(map("entityId", "e-1"))).isEqualTo(MatchResult.pass("fieldExists(\"entityId\")"));
		assertThat(matcher.match(map("entityId", null))).isEqualTo(MatchResult.pass("fieldExists(\"entityId\")"));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at entityId: no field \"entityId\"",
				MatchFailure.of(Kind.MISSING, "entityId", Map.of("exists", true), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("entityId", Map.of("exists", true)));
	}

	@Test
	void fieldMatchesDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldMatches("code", "A\\d+");
		assertThat(matcher.description()).isEqualTo("fieldMatches(\"code\", \"A\\\\d+\")");
		assertThat(matcher.match(map("code", "A12")))
			.isEqualTo(MatchResult.pass("fieldMatches(\"code\", \"A\\\\d+\")"));
		assertThat(matcher.match(map("code", "xA12")))
			.isEqualTo(MatchResult.fail("at code: expected a string matching \"A\\\\d+\", got \"xA12\"",
					MatchFailure.of(Kind.PREDICATE, "code", Map.of("valueMatches", "A\\d+"), "xA12")));
		assertThat(matcher.match(map("code", 12)))
			.isEqualTo(MatchResult.fail("at code: expected a string matching \"A\\\\d+\", got 12",
					MatchFailure.of(Kind.PREDICATE, "code", Map.of("valueMatches", "A\\d+"), 12)));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at code: no field \"code\"",
				MatchFailure.of(Kind.MISSING, "code", Map.of("valueMatches", "A\\d+"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("code", Map.of("valueMatches", "A\\d+")));
	}

	@Test
	void nestedPathsReportTheirDisplayPath() {
		MessageMatcher matcher = fieldEquals("items.-1.id", "b");
		Object payload = map("items", List.of(map("id", "a"), map("id", "c")));
		assertThat(matcher.description()).isEqualTo("fieldEquals(\"items.-1.id\", \"b\")");
		assertThat(matcher.match(payload)).isEqualTo(MatchResult.fail("at items[-1].id: expected \"b\", got \"c\"",
				MatchFailure.of(Kind.MISMATCH, "items[-1].id", "b", "c")));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("items[-1].id", "b"));
	}

	@Test
	void aMissingFieldSaysWhereTheWalkStopped() {
		MessageMatcher matcher = fieldEquals("order.items.1.id", "b");
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("at order.items[1].id: no field \"order\"",
				MatchFailure.of(Kind.MISSING, "order.items[1].id", "b", null)));
		assertThat(matcher.match(map("order", map("items", List.of(map("id", "a"))))).reason())
			.isEqualTo("at order.items[1].id: no index 1: order.items has 1 element");
		assertThat(matcher.match(map("order", map("items", List.of()))).reason())
			.isEqualTo("at order.items[1].id: no index 1: order.items has 0 elements");
		assertThat(matcher.match(map("order", map("items", map("1", map("id", "b"))))).reason())
			.isEqualTo("at order.items[1].id: no index 1; order.items has a key \"1\": use "
					+ "FieldPath.of(\"order\", \"items\", \"1\", \"id\") for a key made of digits");
		assertThat(matcher.match(map("order", map("items", map("x", 1)))).reason())
			.isEqualTo("at order.items[1].id: no index 1: order.items is an object");
		assertThat(matcher.match(map("order", "ORD-1")).reason())
			.isEqualTo("at order.items[1].id: no field \"items\": order is a string");
		assertThat(matcher.match(map("order", null)).reason())
			.isEqualTo("at order.items[1].id: no field \"items\": order is null");
		assertThat(matcher.match(map("order", map("items", List.of(List.of(), 7)))).reason())
			.isEqualTo("at order.items[1].id: no field \"id\": order.items[1] is a number");
		assertThat(fieldEquals("id", 1).match(List.of()).reason())
			.isEqualTo("at id: no field \"id\": the payload is an array");
	}

	@Test
	void aDottedPathThatMissesAKeyWithADotSuggestsFieldPathOf() {
		assertThat(fieldEquals("trace.id", "x").match(map("trace.id", "x"))).isEqualTo(MatchResult.fail(
				"at trace.id: no field \"trace\"; the payload has a key \"trace.id\": use "
						+ "FieldPath.of(\"trace.id\") for a key that contains a dot",
				MatchFailure.of(Kind.MISSING, "trace.id", "x", null)));
		assertThat(fieldExists("meta.trace.id.0").match(map("meta", map("trace.id", List.of(1)))).reason())
			.isEqualTo("at meta.trace.id[0]: no field \"trace\"; meta has a key \"trace.id\": use "
					+ "FieldPath.of(\"meta\", \"trace.id\", 0) for a key that contains a dot");
		assertThat(fieldExists("a.b.c").match(map("a.b.c", 1, "a.b", map("c", 1))).reason())
			.isEqualTo("at a.b.c: no field \"a\"; the payload has a key \"a.b.c\": use "
					+ "FieldPath.of(\"a.b.c\") for a key that contains a dot");
		assertThat(fieldEquals(FieldPath.of("trace.id"), "x").match(map("trace.id", "x")).matched()).isTrue();
	}

	@Test
	void intPathsIndexListsAndLookUpIntegerKeys() {
		assertThat(fieldEquals(1, "b").description()).isEqualTo("fieldEquals(1, \"b\")");
		assertThat(fieldEquals(1, "b").match(List.of("a", "b"))).isEqualTo(MatchResult.pass("fieldEquals(1, \"b\")"));
		assertThat(fieldEquals(35, "D").match(Map.of(35, "D")).matched()).isTrue();
		assertThat(fieldEquals(35, "D").match(Map.of("35", "D"))).isEqualTo(MatchResult.fail(
				"at [35]: no index 35; the payload has a key \"35\": use FieldPath.of(\"35\") for a key made of digits",
				MatchFailure.of(Kind.MISSING, "[35]", "D", null)));
		assertThat(fieldEquals(1, "b").expectedShape()).isEqualTo(Map.of("[1]", "b"));
	}

	@Test
	void pathsThatADottedStringCannotSpellAreDescribedAsFieldPathOf() {
		assertThat(fieldEquals(FieldPath.of("trace.id"), 5).description())
			.isEqualTo("fieldEquals(FieldPath.of(\"trace.id\"), 5)");
		assertThat(fieldEquals(FieldPath.of("items", "0"), 5).description())
			.isEqualTo("fieldEquals(FieldPath.of(\"items\", \"0\"), 5)");
		assertThat(fieldEquals(FieldPath.of("items", 0, "id"), 5).description())
			.isEqualTo("fieldEquals(\"items.0.id\", 5)");
		assertThat(fieldExists(FieldPath.of("")).description()).isEqualTo("fieldExists(\"\")");
		assertThat(fieldEquals(FieldPath.of("items", "0"), 5).match(map("items", map("0", 4)))).isEqualTo(MatchResult
			.fail("at items[\"0\"]: expected 5, got 4", MatchFailure.of(Kind.MISMATCH, "items[\"0\"]", 5, 4)));
		assertThat(fieldEquals(FieldPath.of("trace.id"), 5).match(map("trace.id", 4))).isEqualTo(MatchResult
			.fail("at [\"trace.id\"]: expected 5, got 4", MatchFailure.of(Kind.MISMATCH, "[\"trace.id\"]", 5, 4)));
	}

	@Test
	void everyFieldFactoryHasIntAndPathForms() {
		List<Object> payload = List.of(5, "A1", "x");
		assertThat(fieldNe(0, 4).match(payload).matched()).isTrue();
		assertThat(fieldIn(0, 4, 5).match(payload).matched()).isTrue();
		assertThat(fieldIn(0, List.of(4, 5)).match(payload).matched()).isTrue();
		assertThat(fieldGt(0, 4).match(payload).matched()).isTrue();
		assertThat(fieldLt(0, 6).match(payload).matched()).isTrue();
		assertThat(fieldExists(2).match(payload).matched()).isTrue();
		assertThat(fieldExists(3).match(payload).matched()).isFalse();
		assertThat(fieldMatches(1, "A\\d").match(payload).matched()).isTrue();
		Object keyed = map("trace.id", 5);
		assertThat(fieldEquals(FieldPath.of("trace.id"), 5).match(keyed).matched()).isTrue();
		assertThat(fieldNe(FieldPath.of("trace.id"), 4).match(keyed).matched()).isTrue();
		assertThat(fieldIn(FieldPath.of("trace.id"), 4, 5).match(keyed).matched()).isTrue();
		assertThat(fieldIn(FieldPath.of("trace.id"), List.of(5)).match(keyed).matched()).isTrue();
		assertThat(fieldGt(FieldPath.of("trace.id"), 4).match(keyed).matched()).isTrue();
		assertThat(fieldLt(FieldPath.of("trace.id"), 6).match(keyed).matched()).isTrue();
		assertThat(fieldExists(FieldPath.of("trace.id")).match(keyed).matched()).isTrue();
		assertThat(fieldMatches(FieldPath.of("trace.id"), "5").match(keyed).matched()).isFalse();
	}

	@Test
	void anEmptyPathMatchesTheWholePayloadLikeAValueMatcher() {
		MessageMatcher matcher = fieldEquals(FieldPath.of(), 42);
		assertThat(matcher.description()).isEqualTo("valueEquals(42)");
		assertThat(matcher.match(7)).isEqualTo(
				MatchResult.fail("expected 42, got 7", MatchFailure.of(Kind.MISMATCH, MatchFailure.ROOT, 42, 7)));
		assertThat(matcher.expectedShape()).isEqualTo(42);
	}

	@Test
	void nullIsAValueLikeAnyOther() {
		MessageMatcher matcher = fieldEquals("a", null);
		assertThat(matcher.description()).isEqualTo("fieldEquals(\"a\", null)");
		assertThat(matcher.match(map("a", null))).isEqualTo(MatchResult.pass("fieldEquals(\"a\", null)"));
		assertThat(matcher.match(map("a", 0)).reason()).isEqualTo("at a: expected null, got 0");
		assertThat(fieldNe("a", null).match(map("a", 0))).isEqualTo(MatchResult.pass("fieldNe(\"a\", null)"));
		assertThat(fieldIn("a", 1, null).match(map("a", null))).isEqualTo(MatchResult.pass("fieldIn(\"a\", 1, null)"));
	}

	@Test
	void longValuesAreCutInReasons() {
		String longValue = "v".repeat(500);
		MatchResult result = fieldEquals("a", "x").match(map("a", longValue));
		assertThat(result.reason()).isEqualTo("at a: expected \"x\", got \"" + "v".repeat(196) + "...");
		assertThat(result.failure()).isNotNull().extracting(MatchFailure::actual).isEqualTo(longValue);
	}

}

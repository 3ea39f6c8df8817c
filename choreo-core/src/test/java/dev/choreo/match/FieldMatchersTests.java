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

class FieldMatchersTests {

	@Test
	void fieldEqualsDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldEquals("status", "PASS");
		assertThat(matcher.description()).isEqualTo("status = 'PASS'");
		assertThat(matcher).hasToString("status = 'PASS'");
		assertThat(matcher.match(map("status", "PASS"))).isEqualTo(MatchResult.pass("status = 'PASS'"));
		assertThat(matcher.match(map("status", "FAIL"))).isEqualTo(MatchResult
			.fail("expected status = 'PASS', got 'FAIL'", MatchFailure.of(Kind.MISMATCH, "status", "PASS", "FAIL")));
		assertThat(matcher.match(map("other", 1))).isEqualTo(
				MatchResult.fail("field 'status' missing", MatchFailure.of(Kind.MISSING, "status", "PASS", null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("status", "PASS"));
	}

	@Test
	void fieldNeDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldNe("status", "PASS");
		assertThat(matcher.description()).isEqualTo("status != 'PASS'");
		assertThat(matcher.match(map("status", "FAIL"))).isEqualTo(MatchResult.pass("status != 'PASS'"));
		assertThat(matcher.match(map("status", "PASS")))
			.isEqualTo(MatchResult.fail("expected status != 'PASS', got 'PASS'",
					MatchFailure.of(Kind.PREDICATE, "status", Map.of("ne", "PASS"), "PASS")));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("field 'status' missing",
				MatchFailure.of(Kind.MISSING, "status", Map.of("ne", "PASS"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("status", Map.of("ne", "PASS")));
	}

	@Test
	void fieldInDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldIn("reason", "PASS", "FAIL");
		assertThat(matcher.description()).isEqualTo("reason in ('PASS', 'FAIL')");
		assertThat(matcher.match(map("reason", "FAIL"))).isEqualTo(MatchResult.pass("reason in ('PASS', 'FAIL')"));
		assertThat(matcher.match(map("reason", "OTHER")))
			.isEqualTo(MatchResult.fail("expected reason in ('PASS', 'FAIL'), got 'OTHER'",
					MatchFailure.of(Kind.PREDICATE, "reason", Map.of("in", List.of("PASS", "FAIL")), "OTHER")));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("field 'reason' missing",
				MatchFailure.of(Kind.MISSING, "reason", Map.of("in", List.of("PASS", "FAIL")), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("reason", Map.of("in", List.of("PASS", "FAIL"))));
	}

	@Test
	void fieldInTakesACollection() {
		MessageMatcher matcher = fieldIn("qty", List.of(1, 2));
		assertThat(matcher.description()).isEqualTo("qty in (1, 2)");
		assertThat(matcher.match(map("qty", 2L)).matched()).isTrue();
		assertThat(fieldIn("qty", List.of()).match(map("qty", 1)).reason()).isEqualTo("expected qty in (), got 1");
	}

	@Test
	void fieldGtDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldGt("qty", 100);
		assertThat(matcher.description()).isEqualTo("qty > 100");
		assertThat(matcher.match(map("qty", 101))).isEqualTo(MatchResult.pass("qty > 100"));
		assertThat(matcher.match(map("qty", 100))).isEqualTo(MatchResult.fail("expected qty > 100, got 100",
				MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 100), 100)));
		assertThat(matcher.match(map("qty", "many")))
			.isEqualTo(MatchResult.fail("cannot compare qty='many' > 100: '>' not supported between str and int",
					MatchFailure.of(Kind.TYPE_MISMATCH, "qty", Map.of("gt", 100), "many")));
		assertThat(matcher.match(map())).isEqualTo(
				MatchResult.fail("field 'qty' missing", MatchFailure.of(Kind.MISSING, "qty", Map.of("gt", 100), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("qty", Map.of("gt", 100)));
	}

	@Test
	void fieldLtDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldLt("qty", 100);
		assertThat(matcher.description()).isEqualTo("qty < 100");
		assertThat(matcher.match(map("qty", 99))).isEqualTo(MatchResult.pass("qty < 100"));
		assertThat(matcher.match(map("qty", 100))).isEqualTo(MatchResult.fail("expected qty < 100, got 100",
				MatchFailure.of(Kind.PREDICATE, "qty", Map.of("lt", 100), 100)));
		assertThat(matcher.match(map("qty", null)))
			.isEqualTo(MatchResult.fail("cannot compare qty=null < 100: '<' not supported between null and int",
					MatchFailure.of(Kind.TYPE_MISMATCH, "qty", Map.of("lt", 100), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("qty", Map.of("lt", 100)));
	}

	@Test
	void fieldExistsDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldExists("entityId");
		assertThat(matcher.description()).isEqualTo("exists(entityId)");
		assertThat(matcher.match(map("entityId", "e-1"))).isEqualTo(MatchResult.pass("entityId present"));
		assertThat(matcher.match(map("entityId", null))).isEqualTo(MatchResult.pass("entityId present"));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("field 'entityId' missing",
				MatchFailure.of(Kind.MISSING, "entityId", Map.of("exists", true), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("entityId", Map.of("exists", true)));
	}

	@Test
	void fieldMatchesDescribesReasonsAndFailures() {
		MessageMatcher matcher = fieldMatches("code", "A\\d+");
		assertThat(matcher.description()).isEqualTo("code matches 'A\\\\d+'");
		assertThat(matcher.match(map("code", "A12"))).isEqualTo(MatchResult.pass("code matches 'A\\\\d+'"));
		assertThat(matcher.match(map("code", "xA12")))
			.isEqualTo(MatchResult.fail("expected code matches 'A\\\\d+', got 'xA12'",
					MatchFailure.of(Kind.PREDICATE, "code", Map.of("matches", "A\\d+"), "xA12")));
		assertThat(matcher.match(map("code", 12))).isEqualTo(MatchResult.fail("expected code matches 'A\\\\d+', got 12",
				MatchFailure.of(Kind.PREDICATE, "code", Map.of("matches", "A\\d+"), 12)));
		assertThat(matcher.match(map())).isEqualTo(MatchResult.fail("field 'code' missing",
				MatchFailure.of(Kind.MISSING, "code", Map.of("matches", "A\\d+"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("code", Map.of("matches", "A\\d+")));
	}

	@Test
	void nestedPathsReportTheJoinedPath() {
		MessageMatcher matcher = fieldEquals("items.-1.id", "b");
		Object payload = map("items", List.of(map("id", "a"), map("id", "c")));
		assertThat(matcher.description()).isEqualTo("items.-1.id = 'b'");
		assertThat(matcher.match(payload)).isEqualTo(MatchResult.fail("expected items.-1.id = 'b', got 'c'",
				MatchFailure.of(Kind.MISMATCH, "items.-1.id", "b", "c")));
		assertThat(matcher.match(map("items", List.of()))).isEqualTo(MatchResult.fail("field 'items.-1.id' missing",
				MatchFailure.of(Kind.MISSING, "items.-1.id", "b", null)));
	}

	@Test
	void intPathsIndexListsAndLookUpIntegerKeys() {
		assertThat(fieldEquals(1, "b").description()).isEqualTo("1 = 'b'");
		assertThat(fieldEquals(1, "b").match(List.of("a", "b"))).isEqualTo(MatchResult.pass("1 = 'b'"));
		assertThat(fieldEquals(35, "D").match(Map.of(35, "D")).matched()).isTrue();
		assertThat(fieldEquals(35, "D").match(Map.of("35", "D")))
			.isEqualTo(MatchResult.fail("field '35' missing", MatchFailure.of(Kind.MISSING, "35", "D", null)));
		assertThat(fieldEquals(1, "b").expectedShape()).isEqualTo(Map.of("1", "b"));
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
		assertThat(fieldEquals(FieldPath.of("trace.id"), 5).description()).isEqualTo("trace.id = 5");
	}

	@Test
	void anEmptyPathMatchesTheWholePayloadLikeAValueMatcher() {
		MessageMatcher matcher = fieldEquals(FieldPath.of(), 42);
		assertThat(matcher.description()).isEqualTo("== 42");
		assertThat(matcher.match(7)).isEqualTo(
				MatchResult.fail("expected = 42, got 7", MatchFailure.of(Kind.MISMATCH, MatchFailure.ROOT, 42, 7)));
		assertThat(matcher.expectedShape()).isEqualTo(42);
	}

	@Test
	void nullIsAValueLikeAnyOther() {
		MessageMatcher matcher = fieldEquals("a", null);
		assertThat(matcher.description()).isEqualTo("a = null");
		assertThat(matcher.match(map("a", null))).isEqualTo(MatchResult.pass("a = null"));
		assertThat(matcher.match(map("a", 0)).reason()).isEqualTo("expected a = null, got 0");
		assertThat(fieldNe("a", null).match(map("a", 0))).isEqualTo(MatchResult.pass("a != null"));
		assertThat(fieldIn("a", 1, null).match(map("a", null))).isEqualTo(MatchResult.pass("a in (1, null)"));
	}

	@Test
	void longValuesAreCutInReasons() {
		String longValue = "v".repeat(500);
		MatchResult result = fieldEquals("a", "x").match(map("a", longValue));
		assertThat(result.reason()).isEqualTo("expected a = 'x', got '" + "v".repeat(196) + "...");
		assertThat(result.failure()).isNotNull().extracting(MatchFailure::actual).isEqualTo(longValue);
	}

}

package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.anyElement;
import static dev.choreo.match.Matchers.every;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code every} and {@code anyElement} by their DSL names, with indexes shown as
 * {@code [1]} and types in JSON terms (DESIGN §3 item 13).
 */
class ListQuantifierTests {

	@Test
	void everyPassesWhenEveryElementMatches() {
		MessageMatcher matcher = every(gt(0));
		assertThat(matcher.description()).isEqualTo("every(gt(0))");
		assertThat(matcher.match(List.of(1, 2, 3))).isEqualTo(MatchResult.pass("every element satisfies gt(0)"));
		assertThat(matcher.match(List.of())).isEqualTo(MatchResult.pass("every element satisfies gt(0)"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("every", Map.of("gt", 0)));
	}

	@Test
	void everyReportsTheFirstFailingElementUnderItsIndex() {
		MatchResult result = every(gt(0)).match(List.of(1, 0, -3));
		assertThat(result.reason()).isEqualTo("every: element 1 failed \u2014 expected > 0, got 0");
		assertThat(result.failure()).isEqualTo(new MatchFailure(Kind.COMPOSED, "[1]", Map.of("every", Map.of("gt", 0)),
				null, List.of(MatchFailure.of(Kind.PREDICATE, "[1]", Map.of("gt", 0), 0))));
	}

	@Test
	void everyKeepsPathsOfFieldFailuresUnprefixed() {
		MatchResult result = every(allOf(fieldGt("qty", 0))).match(List.of(map("qty", 1), map("qty", 0)));
		assertThat(result.failure()).isNotNull();
		MatchFailure child = result.failure().children().get(0);
		assertThat(child.path()).isEqualTo("[1]");
		assertThat(child.children()).containsExactly(MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 0), 0));
	}

	@Test
	void everyRequiresAList() {
		assertThat(every(gt(0)).match("abc")).isEqualTo(MatchResult.fail("every needs an array, got string",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("type", "array"), "string")));
		assertThat(every(gt(0)).match(Map.of()).reason()).isEqualTo("every needs an array, got object");
		assertThat(every(gt(0)).match(null).reason()).isEqualTo("every needs an array, got null");
		assertThat(every(gt(0)).match(new byte[0]).reason()).isEqualTo("every needs an array, got bytes");
	}

	@Test
	void anyElementPassesOnTheFirstMatchingIndex() {
		MessageMatcher matcher = anyElement(fieldEquals("id", "b"));
		assertThat(matcher.description()).isEqualTo("anyElement(fieldEquals(\"id\", \"b\"))");
		assertThat(matcher.match(List.of(map("id", "a"), map("id", "b"), map("id", "b"))))
			.isEqualTo(MatchResult.pass("anyElement: element 1 satisfies fieldEquals(\"id\", \"b\")"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("anyElement", Map.of("id", "b")));
	}

	@Test
	void anyElementFailsWithOneChildPerElement() {
		MatchResult result = anyElement(gt(5)).match(List.of(1, 2));
		assertThat(result.reason()).isEqualTo("anyElement: no element satisfies gt(5)");
		assertThat(result.failure())
			.isEqualTo(new MatchFailure(Kind.COMPOSED, MatchFailure.ROOT, Map.of("anyElement", Map.of("gt", 5)), null,
					List.of(MatchFailure.of(Kind.PREDICATE, "[0]", Map.of("gt", 5), 1),
							MatchFailure.of(Kind.PREDICATE, "[1]", Map.of("gt", 5), 2))));
	}

	@Test
	void anyElementFailsOnAnEmptyList() {
		assertThat(anyElement(gt(5)).match(List.of()))
			.isEqualTo(MatchResult.fail("anyElement: no element satisfies gt(5)", new MatchFailure(Kind.COMPOSED,
					MatchFailure.ROOT, Map.of("anyElement", Map.of("gt", 5)), null, List.of())));
	}

	@Test
	void anyElementRequiresAList() {
		assertThat(anyElement(gt(5)).match(7)).isEqualTo(MatchResult.fail("anyElement needs an array, got number",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("type", "array"), "number")));
	}

	@Test
	void quantifiersNest() {
		MessageMatcher matcher = every(anyElement(gt(0)));
		assertThat(matcher.match(List.of(List.of(0, 1), List.of(2))).matched()).isTrue();
		MatchResult result = matcher.match(List.of(List.of(1), List.of(0)));
		assertThat(result.reason()).isEqualTo("every: element 1 failed \u2014 anyElement: no element satisfies gt(0)");
		assertThat(result.failure()).isNotNull();
		MatchFailure inner = result.failure().children().get(0);
		assertThat(inner.path()).isEqualTo("[1]");
		assertThat(inner.children()).containsExactly(MatchFailure.of(Kind.PREDICATE, "[0]", Map.of("gt", 0), 0));
	}

}

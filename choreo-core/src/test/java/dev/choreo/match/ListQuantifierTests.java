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

class ListQuantifierTests {

	@Test
	void everyPassesWhenEveryElementMatches() {
		MessageMatcher matcher = every(gt(0));
		assertThat(matcher.description()).isEqualTo("every(> 0)");
		assertThat(matcher.match(List.of(1, 2, 3))).isEqualTo(MatchResult.pass("every element satisfies > 0"));
		assertThat(matcher.match(List.of())).isEqualTo(MatchResult.pass("every element satisfies > 0"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("every", Map.of("gt", 0)));
	}

	@Test
	void everyReportsTheFirstFailingElementUnderItsIndex() {
		MatchResult result = every(gt(0)).match(List.of(1, 0, -3));
		assertThat(result.reason()).isEqualTo("every: element 1 failed \u2014 expected > 0, got 0");
		assertThat(result.failure()).isEqualTo(new MatchFailure(Kind.COMPOSED, "1", Map.of("every", Map.of("gt", 0)),
				null, List.of(MatchFailure.of(Kind.PREDICATE, "1", Map.of("gt", 0), 0))));
	}

	@Test
	void everyKeepsPathsOfFieldFailuresUnprefixed() {
		MatchResult result = every(allOf(fieldGt("qty", 0))).match(List.of(map("qty", 1), map("qty", 0)));
		assertThat(result.failure()).isNotNull();
		MatchFailure child = result.failure().children().get(0);
		assertThat(child.path()).isEqualTo("1");
		assertThat(child.children()).containsExactly(MatchFailure.of(Kind.PREDICATE, "qty", Map.of("gt", 0), 0));
	}

	@Test
	void everyRequiresAList() {
		assertThat(every(gt(0)).match("abc")).isEqualTo(MatchResult.fail("every requires a list payload, got str",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("type", "list"), "str")));
		assertThat(every(gt(0)).match(Map.of()).reason()).isEqualTo("every requires a list payload, got dict");
		assertThat(every(gt(0)).match(null).reason()).isEqualTo("every requires a list payload, got null");
		assertThat(every(gt(0)).match(new byte[0]).reason()).isEqualTo("every requires a list payload, got byte[]");
	}

	@Test
	void anyElementPassesOnTheFirstMatchingIndex() {
		MessageMatcher matcher = anyElement(fieldEquals("id", "b"));
		assertThat(matcher.description()).isEqualTo("any_element(id = 'b')");
		assertThat(matcher.match(List.of(map("id", "a"), map("id", "b"), map("id", "b"))))
			.isEqualTo(MatchResult.pass("any_element: index 1 satisfies id = 'b'"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("any_element", Map.of("id", "b")));
	}

	@Test
	void anyElementFailsWithOneChildPerElement() {
		MatchResult result = anyElement(gt(5)).match(List.of(1, 2));
		assertThat(result.reason()).isEqualTo("any_element: no element satisfies > 5");
		assertThat(result.failure())
			.isEqualTo(new MatchFailure(Kind.COMPOSED, MatchFailure.ROOT, Map.of("any_element", Map.of("gt", 5)), null,
					List.of(MatchFailure.of(Kind.PREDICATE, "0", Map.of("gt", 5), 1),
							MatchFailure.of(Kind.PREDICATE, "1", Map.of("gt", 5), 2))));
	}

	@Test
	void anyElementFailsOnAnEmptyList() {
		assertThat(anyElement(gt(5)).match(List.of()))
			.isEqualTo(MatchResult.fail("any_element: no element satisfies > 5", new MatchFailure(Kind.COMPOSED,
					MatchFailure.ROOT, Map.of("any_element", Map.of("gt", 5)), null, List.of())));
	}

	@Test
	void anyElementRequiresAList() {
		assertThat(anyElement(gt(5)).match(7))
			.isEqualTo(MatchResult.fail("any_element requires a list payload, got int",
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Map.of("type", "list"), "int")));
	}

	@Test
	void quantifiersNest() {
		MessageMatcher matcher = every(anyElement(gt(0)));
		assertThat(matcher.match(List.of(List.of(0, 1), List.of(2))).matched()).isTrue();
		MatchResult result = matcher.match(List.of(List.of(1), List.of(0)));
		assertThat(result.reason()).isEqualTo("every: element 1 failed \u2014 any_element: no element satisfies > 0");
		assertThat(result.failure()).isNotNull();
		MatchFailure inner = result.failure().children().get(0);
		assertThat(inner.path()).isEqualTo("1");
		assertThat(inner.children()).containsExactly(MatchFailure.of(Kind.PREDICATE, "0", Map.of("gt", 0), 0));
	}

}

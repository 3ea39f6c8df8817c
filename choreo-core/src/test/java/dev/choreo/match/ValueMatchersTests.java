package dev.choreo.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.valueEquals;
import static dev.choreo.match.Matchers.exists;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.valueIn;
import static dev.choreo.match.Matchers.lt;
import static dev.choreo.match.Matchers.valueMatches;
import static dev.choreo.match.Matchers.ne;
import static org.assertj.core.api.Assertions.assertThat;

class ValueMatchersTests {

	private static final String ROOT = MatchFailure.ROOT;

	@Test
	void eqDescribesWithDoubleEqualsButReasonsWithOne() {
		MessageMatcher matcher = valueEquals(42);
		assertThat(matcher.description()).isEqualTo("== 42");
		assertThat(matcher.match(42)).isEqualTo(MatchResult.pass("= 42"));
		assertThat(matcher.match(7))
			.isEqualTo(MatchResult.fail("expected = 42, got 7", MatchFailure.of(Kind.MISMATCH, ROOT, 42, 7)));
		assertThat(matcher.expectedShape()).isEqualTo(42);
	}

	@Test
	void neDescribesReasonsAndFailures() {
		MessageMatcher matcher = ne("x");
		assertThat(matcher.description()).isEqualTo("!= 'x'");
		assertThat(matcher.match("y")).isEqualTo(MatchResult.pass("!= 'x'"));
		assertThat(matcher.match("x")).isEqualTo(MatchResult.fail("expected != 'x', got 'x'",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("ne", "x"), "x")));
		assertThat(matcher.match(null)).isEqualTo(MatchResult.pass("!= 'x'"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("ne", "x"));
	}

	@Test
	void inDescribesReasonsAndFailures() {
		MessageMatcher matcher = valueIn("a", "b");
		assertThat(matcher.description()).isEqualTo("in ('a', 'b')");
		assertThat(matcher.match("b")).isEqualTo(MatchResult.pass("in ('a', 'b')"));
		assertThat(matcher.match("c")).isEqualTo(MatchResult.fail("expected in ('a', 'b'), got 'c'",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("in", List.of("a", "b")), "c")));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("in", List.of("a", "b")));
		assertThat(valueIn(List.of(1, 2)).description()).isEqualTo("in (1, 2)");
		assertThat(valueIn().match(1).matched()).isFalse();
		assertThat(valueIn(Arrays.asList(1, null)).match(null).matched()).isTrue();
	}

	@Test
	void gtDescribesReasonsAndFailures() {
		MessageMatcher matcher = gt(0);
		assertThat(matcher.description()).isEqualTo("> 0");
		assertThat(matcher.match(1)).isEqualTo(MatchResult.pass("> 0"));
		assertThat(matcher.match(0)).isEqualTo(
				MatchResult.fail("expected > 0, got 0", MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("gt", 0), 0)));
		assertThat(matcher.match("abc"))
			.isEqualTo(MatchResult.fail("cannot compare 'abc' > 0: '>' not supported between str and int",
					MatchFailure.of(Kind.TYPE_MISMATCH, ROOT, Map.of("gt", 0), "abc")));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("gt", 0));
	}

	@Test
	void ltDescribesReasonsAndFailures() {
		MessageMatcher matcher = lt("m");
		assertThat(matcher.description()).isEqualTo("< 'm'");
		assertThat(matcher.match("a")).isEqualTo(MatchResult.pass("< 'm'"));
		assertThat(matcher.match("z")).isEqualTo(MatchResult.fail("expected < 'm', got 'z'",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("lt", "m"), "z")));
		assertThat(matcher.match(List.of()))
			.isEqualTo(MatchResult.fail("cannot compare [] < 'm': '<' not supported between list and str",
					MatchFailure.of(Kind.TYPE_MISMATCH, ROOT, Map.of("lt", "m"), List.of())));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("lt", "m"));
	}

	@Test
	void matchesDescribesReasonsAndFailures() {
		MessageMatcher matcher = valueMatches("ab+");
		assertThat(matcher.description()).isEqualTo("matches 'ab+'");
		assertThat(matcher.match("abbb")).isEqualTo(MatchResult.pass("matches 'ab+'"));
		assertThat(matcher.match("abc")).isEqualTo(MatchResult.fail("expected matches 'ab+', got 'abc'",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("matches", "ab+"), "abc")));
		assertThat(matcher.match(null)).isEqualTo(MatchResult.fail("expected matches 'ab+', got null",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("matches", "ab+"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("matches", "ab+"));
	}

	@Test
	void existsAtTopLevelAlwaysMatches() {
		MessageMatcher matcher = exists();
		assertThat(matcher.description()).isEqualTo("exists()");
		assertThat(matcher.match(null)).isEqualTo(MatchResult.pass("<root> present"));
		assertThat(matcher.match(Map.of())).isEqualTo(MatchResult.pass("<root> present"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("exists", true));
	}

	@Test
	void valueMatchersApplyToWholeMessages() {
		ReceivedMessage message = ReceivedMessage.ofPayload(42);
		assertThat(valueEquals(42).matchMessage(message)).isEqualTo(MatchResult.pass("= 42"));
	}

	@Test
	void aRegexThatOverflowsTheStackIsAFailureNotAnError() {
		String input = "ab".repeat(50_000);
		MatchResult result = valueMatches("(a|b)+").match(input);
		assertThat(result.reason())
			.isEqualTo("cannot evaluate matches '(a|b)+' on '" + "ab".repeat(98) + "...: stack overflow");
		assertThat(result.failure()).isNotNull();
		assertThat(result.failure().kind()).isEqualTo(Kind.PREDICATE);
		assertThat(result.failure().path()).isEqualTo(ROOT);
		assertThat(result.failure().expected()).isEqualTo(Map.of("matches", "(a|b)+"));
		assertThat(result.failure().actual()).isSameAs(input);
		assertThat(valueMatches("[ab]+").match(input).matched()).isTrue();
	}

	@Test
	void equalityOnAnAbsurdlyDeepValueIsAFailureNotAnError() {
		List<Object> deep = new ArrayList<>();
		List<Object> current = deep;
		for (int i = 0; i < 200_000; i++) {
			List<Object> next = new ArrayList<>();
			current.add(next);
			current = next;
		}
		MatchResult result = valueEquals(deep).match(deep);
		assertThat(result.matched()).isFalse();
		assertThat(result.reason()).hasSize(438)
			.isEqualTo("cannot evaluate = " + "[".repeat(197) + "... on " + "[".repeat(197) + "...: stack overflow");
	}

}

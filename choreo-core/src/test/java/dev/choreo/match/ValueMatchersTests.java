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

/**
 * Descriptions, reasons, failures and shapes of the value matchers, in full text: DSL
 * calls and JSON values (DESIGN §3 item 13).
 */
class ValueMatchersTests {

	private static final String ROOT = MatchFailure.ROOT;

	@Test
	void valueEqualsDescribesReasonsAndFailures() {
		MessageMatcher matcher = valueEquals(42);
		assertThat(matcher.description()).isEqualTo("valueEquals(42)");
		assertThat(matcher.match(42)).isEqualTo(MatchResult.pass("valueEquals(42)"));
		assertThat(matcher.match(7))
			.isEqualTo(MatchResult.fail("expected 42, got 7", MatchFailure.of(Kind.MISMATCH, ROOT, 42, 7)));
		assertThat(matcher.expectedShape()).isEqualTo(42);
		assertThat(valueEquals(Map.of("a", List.of(1))).description()).isEqualTo("valueEquals({\"a\":[1]})");
	}

	@Test
	void neDescribesReasonsAndFailures() {
		MessageMatcher matcher = ne("x");
		assertThat(matcher.description()).isEqualTo("ne(\"x\")");
		assertThat(matcher.match("y")).isEqualTo(MatchResult.pass("ne(\"x\")"));
		assertThat(matcher.match("x")).isEqualTo(MatchResult.fail("expected a value other than \"x\", got \"x\"",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("ne", "x"), "x")));
		assertThat(matcher.match(null)).isEqualTo(MatchResult.pass("ne(\"x\")"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("ne", "x"));
	}

	@Test
	void valueInDescribesReasonsAndFailures() {
		MessageMatcher matcher = valueIn("a", "b");
		assertThat(matcher.description()).isEqualTo("valueIn(\"a\", \"b\")");
		assertThat(matcher.match("b")).isEqualTo(MatchResult.pass("valueIn(\"a\", \"b\")"));
		assertThat(matcher.match("c")).isEqualTo(MatchResult.fail("expected one of [\"a\",\"b\"], got \"c\"",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("valueIn", List.of("a", "b")), "c")));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("valueIn", List.of("a", "b")));
		assertThat(valueIn(List.of(1, 2)).description()).isEqualTo("valueIn(1, 2)");
		assertThat(valueIn().match(1).matched()).isFalse();
		assertThat(valueIn(Arrays.asList(1, null)).match(null).matched()).isTrue();
	}

	@Test
	void gtDescribesReasonsAndFailures() {
		MessageMatcher matcher = gt(0);
		assertThat(matcher.description()).isEqualTo("gt(0)");
		assertThat(matcher.match(1)).isEqualTo(MatchResult.pass("gt(0)"));
		assertThat(matcher.match(0)).isEqualTo(
				MatchResult.fail("expected > 0, got 0", MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("gt", 0), 0)));
		assertThat(matcher.match("abc"))
			.isEqualTo(MatchResult.fail("cannot compare \"abc\" > 0: expected a number, got string",
					MatchFailure.of(Kind.TYPE_MISMATCH, ROOT, Map.of("gt", 0), "abc")));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("gt", 0));
	}

	@Test
	void ltDescribesReasonsAndFailures() {
		MessageMatcher matcher = lt("m");
		assertThat(matcher.description()).isEqualTo("lt(\"m\")");
		assertThat(matcher.match("a")).isEqualTo(MatchResult.pass("lt(\"m\")"));
		assertThat(matcher.match("z")).isEqualTo(MatchResult.fail("expected < \"m\", got \"z\"",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("lt", "m"), "z")));
		assertThat(matcher.match(List.of()))
			.isEqualTo(MatchResult.fail("cannot compare [] < \"m\": expected a string, got array",
					MatchFailure.of(Kind.TYPE_MISMATCH, ROOT, Map.of("lt", "m"), List.of())));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("lt", "m"));
	}

	@Test
	void valueMatchesDescribesReasonsAndFailures() {
		MessageMatcher matcher = valueMatches("ab+");
		assertThat(matcher.description()).isEqualTo("valueMatches(\"ab+\")");
		assertThat(matcher.match("abbb")).isEqualTo(MatchResult.pass("valueMatches(\"ab+\")"));
		assertThat(matcher.match("abc")).isEqualTo(MatchResult.fail("expected a string matching \"ab+\", got \"abc\"",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("valueMatches", "ab+"), "abc")));
		assertThat(matcher.match(null)).isEqualTo(MatchResult.fail("expected a string matching \"ab+\", got null",
				MatchFailure.of(Kind.PREDICATE, ROOT, Map.of("valueMatches", "ab+"), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("valueMatches", "ab+"));
	}

	@Test
	void existsAtTopLevelAlwaysMatches() {
		MessageMatcher matcher = exists();
		assertThat(matcher.description()).isEqualTo("exists()");
		assertThat(matcher.match(null)).isEqualTo(MatchResult.pass("exists()"));
		assertThat(matcher.match(Map.of())).isEqualTo(MatchResult.pass("exists()"));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("exists", true));
	}

	@Test
	void valueMatchersApplyToWholeMessages() {
		ReceivedMessage message = ReceivedMessage.ofPayload(42);
		assertThat(valueEquals(42).matchMessage(message)).isEqualTo(MatchResult.pass("valueEquals(42)"));
	}

	@Test
	void aRegexThatOverflowsTheStackIsAFailureNotAnError() {
		String input = "ab".repeat(50_000);
		MatchResult result = valueMatches("(a|b)+").match(input);
		assertThat(result.reason())
			.isEqualTo("cannot evaluate valueMatches(\"(a|b)+\") on \"" + "ab".repeat(98) + "...: stack overflow");
		assertThat(result.failure()).isNotNull();
		assertThat(result.failure().kind()).isEqualTo(Kind.PREDICATE);
		assertThat(result.failure().path()).isEqualTo(ROOT);
		assertThat(result.failure().expected()).isEqualTo(Map.of("valueMatches", "(a|b)+"));
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
		assertThat(result.reason()).hasSize(449)
			.isEqualTo("cannot evaluate valueEquals(" + "[".repeat(197) + "...) on " + "[".repeat(197)
					+ "...: stack overflow");
	}

}

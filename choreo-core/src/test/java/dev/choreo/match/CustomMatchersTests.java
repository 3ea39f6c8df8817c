package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.anyPayload;
import static dev.choreo.match.Matchers.matching;
import static dev.choreo.match.Matchers.satisfies;
import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code satisfies}, {@code matching} and {@code anyPayload}: reasons name types in JSON
 * terms and show payloads, typed ones included, as JSON (DESIGN §3 item 13).
 */
class CustomMatchersTests {

	@Test
	void satisfiesPassesWhenTheAssertionsReturn() {
		MessageMatcher matcher = satisfies(
				(Map<String, Object> order) -> assertThat(order).containsEntry("status", "PAID"));
		assertThat(matcher.description()).isEqualTo("satisfies(assertions)");
		assertThat(matcher.match(map("status", "PAID"))).isEqualTo(MatchResult.pass("satisfies(assertions)"));
	}

	@Test
	void satisfiesTurnsAnAssertJFailureIntoItsTrimmedMessage() {
		MessageMatcher matcher = satisfies("status is PAID",
				(Map<String, Object> order) -> assertThat(order.get("status")).as("status").isEqualTo("PAID"));
		Object payload = map("status", "OPEN");
		String assertJMessage = catchThrowable(() -> assertThat("OPEN").as("status").isEqualTo("PAID")).getMessage();
		MatchResult result = matcher.match(payload);
		assertThat(result).isEqualTo(MatchResult.fail(assertJMessage.trim(),
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "status is PAID", payload)));
		assertThat(result.reason()).startsWith("[status]").contains("\"PAID\"").contains("\"OPEN\"");
	}

	@Test
	void satisfiesUsesThePlainAssertionMessage() {
		MessageMatcher matcher = satisfies((Object payload) -> {
			throw new AssertionError("  status was OPEN\n");
		});
		assertThat(matcher.match("x")).isEqualTo(MatchResult.fail("status was OPEN",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "satisfies(assertions)", "x")));
	}

	@Test
	void satisfiesNamesTheAssertionClassWhenThereIsNoMessage() {
		assertThat(satisfies((Object payload) -> {
			throw new AssertionError();
		}).match("x").reason()).isEqualTo("java.lang.AssertionError");
		assertThat(satisfies((Object payload) -> {
			throw new AssertionError(" ");
		}).match("x").reason()).isEqualTo("java.lang.AssertionError");
	}

	@Test
	void satisfiesReportsAPayloadOfTheWrongTypeAsATypeMismatch() {
		MessageMatcher matcher = satisfies("starts with a", (String text) -> assertThat(text).startsWith("a"));
		assertThat(matcher.match(List.of(1)))
			.isEqualTo(MatchResult.fail("starts with a cannot accept a payload of type array",
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, "starts with a", "array")));
	}

	@Test
	void satisfiesLetsOtherExceptionsPropagate() {
		MessageMatcher matcher = satisfies((Object payload) -> {
			throw new IllegalStateException("boom");
		});
		assertThatIllegalStateException().isThrownBy(() -> matcher.match("x")).withMessage("boom");
	}

	@Test
	void satisfiesComposes() {
		MessageMatcher matcher = allOf(satisfies("positive", (Integer n) -> assertThat(n).isPositive()));
		assertThat(matcher.match(-1).reason()).startsWith("allOf failed on positive: ");
		assertThat(matcher.expectedShape()).isEqualTo(List.of("positive"));
	}

	@Test
	void matchingDescribesReasonsAndFailures() {
		MessageMatcher matcher = matching("positive", (Integer n) -> n > 0);
		assertThat(matcher.description()).isEqualTo("positive");
		assertThat(matcher.match(1)).isEqualTo(MatchResult.pass("positive"));
		assertThat(matcher.match(-1)).isEqualTo(MatchResult.fail("expected positive, got -1",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "positive", -1)));
		assertThat(matcher.match("one")).isEqualTo(MatchResult.fail("positive cannot accept a payload of type string",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, "positive", "string")));
		assertThat(matcher.expectedShape()).isNull();
	}

	@Test
	void aTypedPayloadIsShownAsJson() {
		MessageMatcher matcher = matching("paid", (Order order) -> "PAID".equals(order.status()));
		assertThat(matcher.match(new Order("ORD-1", "OPEN")).reason())
			.isEqualTo("expected paid, got {\"id\":\"ORD-1\",\"status\":\"OPEN\"}");
	}

	@Test
	void matchingSeesNullPayloads() {
		MessageMatcher matcher = matching("is null", (Object payload) -> payload == null);
		assertThat(matcher.match(null)).isEqualTo(MatchResult.pass("is null"));
	}

	@Test
	void matchingLetsOtherExceptionsPropagate() {
		MessageMatcher matcher = matching("boom", (Object payload) -> {
			throw new IllegalStateException("boom");
		});
		assertThatIllegalStateException().isThrownBy(() -> matcher.match("x"));
	}

	@Test
	void anyMatchesEverything() {
		assertThat(anyPayload().description()).isEqualTo("anyPayload()");
		assertThat(anyPayload().match(null)).isEqualTo(MatchResult.pass("anyPayload()"));
		assertThat(anyPayload().match(new byte[] { 1 })).isEqualTo(MatchResult.pass("anyPayload()"));
		assertThat(anyPayload().matchMessage(TestPayloads.message(Map.of(), null)))
			.isEqualTo(MatchResult.pass("anyPayload()"));
		assertThat(anyPayload()).hasToString("anyPayload()");
	}

	record Order(String id, String status) {
	}

}

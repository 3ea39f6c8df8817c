package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.anyOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.every;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static dev.choreo.match.Matchers.headerExists;
import static dev.choreo.match.Matchers.headerMatches;
import static dev.choreo.match.Matchers.keyEquals;
import static dev.choreo.match.Matchers.not;
import static dev.choreo.match.TestPayloads.map;
import static dev.choreo.match.TestPayloads.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header and key matchers by their DSL names, with header names and values as JSON
 * strings (DESIGN §3 item 13).
 */
class MessageMatchersTests {

	private static final ReceivedMessage TRACED = message(Map.of("trace-id", "t-1"), "k-1");

	private static final ReceivedMessage BARE = message(Map.of(), null);

	@Test
	void headerEqualsDescribesReasonsAndFailures() {
		MessageMatcher matcher = headerEquals("trace-id", "t-1");
		assertThat(matcher.description()).isEqualTo("headerEquals(\"trace-id\", \"t-1\")");
		assertThat(matcher.matchMessage(TRACED)).isEqualTo(MatchResult.pass("headerEquals(\"trace-id\", \"t-1\")"));
		assertThat(matcher.matchMessage(message(Map.of("trace-id", "t-2"), null)))
			.isEqualTo(MatchResult.fail("at header \"trace-id\": expected \"t-1\", got \"t-2\"",
					MatchFailure.of(Kind.MISMATCH, "header:trace-id", "t-1", "t-2")));
		assertThat(matcher.matchMessage(BARE)).isEqualTo(MatchResult.fail("no header \"trace-id\"",
				MatchFailure.of(Kind.MISSING, "header:trace-id", "t-1", null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("header:trace-id", "t-1"));
	}

	@Test
	void headerNamesMatchExactly() {
		assertThat(headerExists("Trace-Id").matchMessage(TRACED).matched()).isFalse();
		assertThat(headerExists("trace-id").matchMessage(TRACED).matched()).isTrue();
	}

	@Test
	void headerExistsDescribesReasonsAndFailures() {
		MessageMatcher matcher = headerExists("trace-id");
		assertThat(matcher.description()).isEqualTo("headerExists(\"trace-id\")");
		assertThat(matcher.matchMessage(TRACED)).isEqualTo(MatchResult.pass("headerExists(\"trace-id\")"));
		assertThat(matcher.matchMessage(BARE)).isEqualTo(MatchResult.fail("no header \"trace-id\"",
				MatchFailure.of(Kind.MISSING, "header:trace-id", Map.of("exists", true), null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("header:trace-id", Map.of("exists", true)));
	}

	@Test
	void headerMatchesDescribesReasonsAndFailures() {
		MessageMatcher matcher = headerMatches("trace-id", "t-\\d");
		assertThat(matcher.description()).isEqualTo("headerMatches(\"trace-id\", \"t-\\\\d\")");
		assertThat(matcher.matchMessage(TRACED))
			.isEqualTo(MatchResult.pass("headerMatches(\"trace-id\", \"t-\\\\d\")"));
		assertThat(matcher.matchMessage(message(Map.of("trace-id", "t-12"), null)))
			.isEqualTo(MatchResult.fail("at header \"trace-id\": expected a string matching \"t-\\\\d\", got \"t-12\"",
					MatchFailure.of(Kind.PREDICATE, "header:trace-id", Map.of("valueMatches", "t-\\d"), "t-12")));
		assertThat(matcher.matchMessage(BARE).reason()).isEqualTo("no header \"trace-id\"");
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("header:trace-id", Map.of("valueMatches", "t-\\d")));
	}

	@Test
	void keyEqualsDescribesReasonsAndFailures() {
		MessageMatcher matcher = keyEquals("k-1");
		assertThat(matcher.description()).isEqualTo("keyEquals(\"k-1\")");
		assertThat(matcher.matchMessage(TRACED)).isEqualTo(MatchResult.pass("keyEquals(\"k-1\")"));
		assertThat(matcher.matchMessage(message(Map.of(), "k-2"))).isEqualTo(MatchResult
			.fail("at key: expected \"k-1\", got \"k-2\"", MatchFailure.of(Kind.MISMATCH, "key", "k-1", "k-2")));
		assertThat(matcher.matchMessage(BARE))
			.isEqualTo(MatchResult.fail("the message has no key", MatchFailure.of(Kind.MISSING, "key", "k-1", null)));
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("key", "k-1"));
	}

	@Test
	void aBarePayloadIsNotEnoughForMessageMatchers() {
		assertThat(headerEquals("trace-id", "t-1").match(map())).isEqualTo(
				MatchResult.fail("headerEquals(\"trace-id\", \"t-1\") needs a received message, not a bare payload",
						MatchFailure.of(Kind.PREDICATE, "header:trace-id", Map.of("header:trace-id", "t-1"), null)));
		assertThat(headerExists("a").match(null).reason())
			.isEqualTo("headerExists(\"a\") needs a received message, not a bare payload");
		assertThat(headerMatches("a", "x").match(null).reason())
			.isEqualTo("headerMatches(\"a\", \"x\") needs a received message, not a bare payload");
		assertThat(keyEquals("k").match(null))
			.isEqualTo(MatchResult.fail("keyEquals(\"k\") needs a received message, not a bare payload",
					MatchFailure.of(Kind.PREDICATE, "key", Map.of("key", "k"), null)));
	}

	@Test
	void allOfPassesMessagesToItsChildren() {
		ReceivedMessage message = new ReceivedMessage("orders.v1", map("status", "PAID"), new byte[0],
				Map.of("trace-id", "t-1"), "k-1");
		MessageMatcher matcher = allOf(fieldEquals("status", "PAID"), headerEquals("trace-id", "t-1"),
				keyEquals("k-1"));
		assertThat(matcher.matchMessage(message)).isEqualTo(MatchResult
			.pass("allOf(fieldEquals(\"status\", \"PAID\"), headerEquals(\"trace-id\", \"t-1\"), keyEquals(\"k-1\"))"));
		MatchResult failed = allOf(fieldEquals("status", "PAID"), headerEquals("trace-id", "t-2"))
			.matchMessage(message);
		assertThat(failed.reason()).isEqualTo(
				"allOf failed on headerEquals(\"trace-id\", \"t-2\"): at header \"trace-id\": expected \"t-2\", got \"t-1\"");
		assertThat(failed.failure()).isNotNull()
			.extracting(MatchFailure::children)
			.isEqualTo(List.of(MatchFailure.of(Kind.MISMATCH, "header:trace-id", "t-2", "t-1")));
	}

	@Test
	void anyOfPassesMessagesToItsChildren() {
		MessageMatcher matcher = anyOf(headerEquals("trace-id", "t-2"), keyEquals("k-1"));
		assertThat(matcher.matchMessage(TRACED)).isEqualTo(MatchResult.pass("anyOf matched keyEquals(\"k-1\")"));
		assertThat(matcher.matchMessage(BARE).reason())
			.isEqualTo("anyOf: none matched \u2014 no header \"trace-id\"; the message has no key");
	}

	@Test
	void notPassesMessagesToItsChild() {
		MessageMatcher matcher = not(headerExists("trace-id"));
		assertThat(matcher.matchMessage(BARE)).isEqualTo(MatchResult.pass("not(headerExists(\"trace-id\"))"));
		assertThat(matcher.matchMessage(TRACED)).isEqualTo(MatchResult
			.fail("not(headerExists(\"trace-id\")) but it matched", MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT,
					Map.of("not", Map.of("header:trace-id", Map.of("exists", true))), TRACED.payload())));
	}

	@Test
	void payloadMatchersSeeOnlyThePayloadAsLeaves() {
		assertThat(
				containsFields(Map.of("a", headerExists("a"))).matchMessage(message(Map.of("a", "1"), null)).reason())
			.isEqualTo("at a: no field \"a\"; expected headerExists(\"a\")");
		assertThat(every(keyEquals("k")).matchMessage(ReceivedMessage.ofPayload(List.of(1))).reason())
			.isEqualTo("every: element 0 failed \u2014 keyEquals(\"k\") needs a received message, not a bare payload");
	}

}

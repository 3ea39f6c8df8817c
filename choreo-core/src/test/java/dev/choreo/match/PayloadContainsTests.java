package dev.choreo.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code payloadContains} for text and for bytes, on received messages (their raw bytes,
 * JSON or not) and on bare values. Checklist item H-113 in the original throws TypeError
 * for a decoded or string payload; here a string is text to search, and a received
 * message is always searched in its raw bytes, as a Java user expects.
 */
class PayloadContainsTests {

	private static final byte[] ONE_TWO = { 1, 2 };

	private static final Map<String, Object> SHAPE_0102 = Map.of("payloadContains", ONE_TWO);

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void describesTheTextAsAJsonString() {
		MessageMatcher matcher = payloadContains("\"status\":\"PAID\"");
		assertThat(matcher.description()).isEqualTo("payloadContains(\"\\\"status\\\":\\\"PAID\\\"\")");
		assertThat(matcher.expectedShape()).isEqualTo(Map.of("payloadContains", "\"status\":\"PAID\""));
	}

	@Test
	void describesTheBytesWithTheirLength() {
		MessageMatcher matcher = payloadContains(ONE_TWO);
		assertThat(matcher.description()).isEqualTo("payloadContains(<2 bytes: 01 02>)");
		assertThat(matcher.expectedShape()).usingRecursiveComparison().isEqualTo(SHAPE_0102);
		assertThat(payloadContains(utf8("ORD")).description()).isEqualTo("payloadContains(<3 bytes: \"ORD\">)");
	}

	@Test
	void textMatchesTheRawBytesOfAJsonMessage() {
		byte[] raw = utf8("{\"status\": \"PAID\", \"id\": \"ORD-1\"}");
		ReceivedMessage message = new ReceivedMessage("orders", Map.of("status", "PAID", "id", "ORD-1"), raw, Map.of(),
				null);
		assertThat(payloadContains("\"status\": \"PAID\"").matchMessage(message))
			.isEqualTo(MatchResult.pass("payloadContains(\"\\\"status\\\": \\\"PAID\\\"\")"));
		assertThat(payloadContains(utf8("ORD-1")).matchMessage(message).matched()).isTrue();
		MatchResult missing = payloadContains("SHIPPED").matchMessage(message);
		assertThat(missing.reason()).isEqualTo("payload does not contain \"SHIPPED\"");
		assertThat(missing.failure()).isEqualTo(MatchFailure.of(Kind.PREDICATE, MatchFailure.RAW,
				Map.of("payloadContains", "SHIPPED"), Map.of("status", "PAID", "id", "ORD-1")));
	}

	@Test
	void textMatchesTheRawBytesOfATextMessageAndOfATypedOne() {
		byte[] raw = utf8("order ORD-1 shipped \u2713");
		assertThat(
				payloadContains("ORD-1 shipped \u2713").matchMessage(new ReceivedMessage("t", raw, raw, Map.of(), null))
					.matched())
			.isTrue();
		assertThat(payloadContains("ORD-1")
			.matchMessage(new ReceivedMessage("t", new Order("ORD-1"), utf8("{\"id\":\"ORD-1\"}"), Map.of(), null))
			.matched()).isTrue();
	}

	@Test
	void bareStringsAndBytesAreSearchedAsText() {
		assertThat(payloadContains("PAID").match("status=PAID;"))
			.isEqualTo(MatchResult.pass("payloadContains(\"PAID\")"));
		assertThat(payloadContains("PAID").match(utf8("status=PAID;")).matched()).isTrue();
		assertThat(payloadContains(utf8("PAID")).match("status=PAID;").matched()).isTrue();
		assertThat(payloadContains("caf\u00e9").match(utf8("un caf\u00e9")).matched()).isTrue();
		assertThat(payloadContains("PAID").match("status=OPEN;").reason())
			.isEqualTo("payload does not contain \"PAID\"");
		assertThat(payloadContains("PAID").matchMessage(ReceivedMessage.ofPayload("status=PAID")).matched()).isTrue();
	}

	@Test
	void matchesASubsequenceOfTheBytes() {
		MessageMatcher matcher = payloadContains(ONE_TWO);
		assertThat(matcher.match(new byte[] { 0, 1, 2, 3 }))
			.isEqualTo(MatchResult.pass("payloadContains(<2 bytes: 01 02>)"));
		assertThat(matcher.match(new byte[] { 1, 2 }).matched()).isTrue();
		assertThat(payloadContains(utf8("ORD")).match(utf8("x-ORD-1")).reason())
			.isEqualTo("payloadContains(<3 bytes: \"ORD\">)");
	}

	@Test
	void anEmptySequenceIsContainedEverywhere() {
		assertThat(payloadContains(new byte[0]).match(new byte[0]))
			.isEqualTo(MatchResult.pass("payloadContains(<0 bytes>)"));
		assertThat(payloadContains("").match("").matched()).isTrue();
	}

	@Test
	void failsWhenTheBytesAreAbsent() {
		byte[] payload = { 1, 3, 2 };
		MatchResult result = payloadContains(ONE_TWO).match(payload);
		assertThat(result).usingRecursiveComparison()
			.isEqualTo(MatchResult.fail("payload does not contain <2 bytes: 01 02>",
					MatchFailure.of(Kind.PREDICATE, MatchFailure.RAW, SHAPE_0102, payload)));
		assertThat(payloadContains(new byte[] { 1, 2, 3 }).match(new byte[] { 1, 2 }).matched()).isFalse();
	}

	@Test
	void aBareDecodedValueIsATypeMismatchNotAnException() {
		MessageMatcher matcher = payloadContains("PAID");
		assertThat(matcher.match(Map.of("a", 1))).isEqualTo(MatchResult.fail(
				"payloadContains(\"PAID\") looks at the raw message or at a string, got object",
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.RAW, Map.of("payloadContains", "PAID"), "object")));
		assertThat(matcher.match(List.of()).reason())
			.isEqualTo("payloadContains(\"PAID\") looks at the raw message or at a string, got array");
		assertThat(matcher.match(1.5).reason())
			.isEqualTo("payloadContains(\"PAID\") looks at the raw message or at a string, got number");
		assertThat(matcher.match(true).reason())
			.isEqualTo("payloadContains(\"PAID\") looks at the raw message or at a string, got boolean");
		assertThat(matcher.match(null).reason())
			.isEqualTo("payloadContains(\"PAID\") looks at the raw message or at a string, got null");
		assertThat(matcher.matchMessage(ReceivedMessage.ofPayload(Map.of("a", "PAID"))).reason())
			.isEqualTo("payloadContains(\"PAID\") looks at the raw message or at a string, got object");
	}

	@Test
	void changingTheGivenArrayDoesNotChangeTheMatcher() {
		byte[] sub = { 1, 2 };
		MessageMatcher matcher = payloadContains(sub);
		sub[0] = 9;
		assertThat(matcher.match(new byte[] { 1, 2 }).matched()).isTrue();
		assertThat(matcher.description()).isEqualTo("payloadContains(<2 bytes: 01 02>)");
	}

	record Order(String id) {
	}

}

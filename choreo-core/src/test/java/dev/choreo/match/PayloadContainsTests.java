package dev.choreo.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.choreo.match.MatchFailure.Kind;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

class PayloadContainsTests {

	private static final Map<String, String> HEX_0102 = Map.of("payload_contains_hex", "0102");

	@Test
	void describesTheBytes() {
		MessageMatcher matcher = payloadContains(new byte[] { 1, 2 });
		assertThat(matcher.description()).isEqualTo("contains b'\\x01\\x02'");
		assertThat(matcher.expectedShape()).isEqualTo(HEX_0102);
	}

	@Test
	void matchesASubsequenceOfTheBytes() {
		MessageMatcher matcher = payloadContains(new byte[] { 1, 2 });
		assertThat(matcher.match(new byte[] { 0, 1, 2, 3 })).isEqualTo(MatchResult.pass("contains b'\\x01\\x02'"));
		assertThat(matcher.match(new byte[] { 1, 2 }).matched()).isTrue();
		assertThat(payloadContains("ORD".getBytes(StandardCharsets.UTF_8))
			.match("x-ORD-1".getBytes(StandardCharsets.UTF_8))
			.reason()).isEqualTo("contains b'ORD'");
	}

	@Test
	void anEmptySequenceIsContainedEverywhere() {
		assertThat(payloadContains(new byte[0]).match(new byte[0])).isEqualTo(MatchResult.pass("contains b''"));
	}

	@Test
	void failsWhenTheBytesAreAbsent() {
		byte[] payload = { 1, 3, 2 };
		assertThat(payloadContains(new byte[] { 1, 2 }).match(payload))
			.isEqualTo(MatchResult.fail("does not contain b'\\x01\\x02'",
					MatchFailure.of(Kind.PREDICATE, MatchFailure.RAW, HEX_0102, payload)));
		assertThat(payloadContains(new byte[] { 1, 2, 3 }).match(new byte[] { 1, 2 }).matched()).isFalse();
	}

	@Test
	void aDecodedPayloadIsATypeMismatchNotAnException() {
		MessageMatcher matcher = payloadContains(new byte[] { 1, 2 });
		assertThat(matcher.match(Map.of("a", 1)))
			.isEqualTo(MatchResult.fail("payload_contains needs raw bytes, got dict",
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.RAW, HEX_0102, "dict")));
		assertThat(matcher.match("\u0001\u0002").reason()).isEqualTo("payload_contains needs raw bytes, got str");
		assertThat(matcher.match(List.of()).reason()).isEqualTo("payload_contains needs raw bytes, got list");
		assertThat(matcher.match(1).reason()).isEqualTo("payload_contains needs raw bytes, got int");
		assertThat(matcher.match(1.5).reason()).isEqualTo("payload_contains needs raw bytes, got float");
		assertThat(matcher.match(true).reason()).isEqualTo("payload_contains needs raw bytes, got bool");
		assertThat(matcher.match(null).reason()).isEqualTo("payload_contains needs raw bytes, got null");
	}

	@Test
	void changingTheGivenArrayDoesNotChangeTheMatcher() {
		byte[] sub = { 1, 2 };
		MessageMatcher matcher = payloadContains(sub);
		sub[0] = 9;
		assertThat(matcher.match(new byte[] { 1, 2 }).matched()).isTrue();
		assertThat(matcher.description()).isEqualTo("contains b'\\x01\\x02'");
	}

}

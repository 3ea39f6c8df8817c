package dev.choreo.match;

import java.util.List;
import java.util.Map;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherPropertyTests {

	@Property(tries = 2000)
	void everyMatcherExplainsEveryPayloadTheSameWayTwice(@ForAll("matchers") MessageMatcher matcher,
			@ForAll("payloads") @Nullable Object payload) {
		MatchResult first = matcher.match(payload);
		MatchResult second = matcher.match(payload);
		assertWellFormed(first);
		assertThat(second).isEqualTo(first);
		Statistics.label("outcome").collect(outcome(first));
		Statistics.label("outcome").coverage((coverage) -> {
			coverage.check("matched").percentage((percentage) -> percentage > 5);
			for (Kind kind : Kind.values()) {
				coverage.check(kind.value()).percentage((percentage) -> percentage > 1);
			}
		});
	}

	private static String outcome(MatchResult result) {
		MatchFailure failure = result.failure();
		return (failure != null) ? failure.kind().value() : "matched";
	}

	@Property(tries = 1000)
	void everyMatcherExplainsEveryMessageTheSameWayTwice(@ForAll("matchers") MessageMatcher matcher,
			@ForAll("messages") ReceivedMessage message) {
		MatchResult first = matcher.matchMessage(message);
		MatchResult second = matcher.matchMessage(message);
		assertWellFormed(first);
		assertThat(second).isEqualTo(first);
	}

	@Property(tries = 500)
	void descriptionsAndShapesAreAlwaysAvailable(@ForAll("matchers") MessageMatcher matcher) {
		assertThat(matcher.description()).isNotEmpty();
		assertThat(matcher.toString()).isEqualTo(matcher.description());
		assertThat(matcher.expectedShape()).isEqualTo(matcher.expectedShape());
	}

	@Property(tries = 1000)
	void fieldExistsAgreesWithPathResolution(@ForAll("paths") FieldPath path,
			@ForAll("payloads") @Nullable Object payload) {
		boolean present = path.resolve(payload) != FieldPath.MISSING;
		assertThat(Matchers.fieldExists(path).match(payload).matched()).isEqualTo(present || path.parts().isEmpty());
	}

	@Property(tries = 1000)
	void aValueWithoutNaNEqualsItself(@ForAll("payloads") @Nullable Object payload) {
		if (containsNaN(payload)) {
			assertThat(Matchers.valueEquals(payload).match(payload).matched()).isFalse();
			return;
		}
		assertThat(Matchers.valueEquals(payload).match(payload).matched()).isTrue();
		assertThat(Matchers.not(Matchers.valueEquals(payload)).match(payload).matched()).isFalse();
		assertThat(Matchers.valueIn(List.of(1, "x"), payload).match(payload).matched()).isTrue();
	}

	@Property(tries = 1000)
	void renderingsAreNeverLongerThan200Characters(@ForAll("payloads") @Nullable Object payload) {
		assertThat(Repr.repr(payload)).hasSizeLessThanOrEqualTo(200);
	}

	private static void assertWellFormed(MatchResult result) {
		assertThat(result).isNotNull();
		assertThat(result.reason()).isNotEmpty();
		if (!result.matched()) {
			assertThat(result.failure()).isNotNull();
		}
	}

	private static boolean containsNaN(@Nullable Object value) {
		if (value instanceof Double number) {
			return number.isNaN();
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(MatcherPropertyTests::containsNaN);
		}
		if (value instanceof List<?> list) {
			return list.stream().anyMatch(MatcherPropertyTests::containsNaN);
		}
		return false;
	}

	@Provide
	Arbitrary<MessageMatcher> matchers() {
		return MatcherArbitraries.matchers();
	}

	@Provide
	Arbitrary<Object> payloads() {
		return MatcherArbitraries.payloads();
	}

	@Provide
	Arbitrary<ReceivedMessage> messages() {
		return MatcherArbitraries.messages();
	}

	@Provide
	Arbitrary<FieldPath> paths() {
		return MatcherArbitraries.paths();
	}

}

package dev.choreo.match;

import java.util.LinkedHashMap;

import dev.choreo.match.MatchFailure.Kind;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.startsWith;

class HamcrestMatchersTests {

	@Test
	void usesTheHamcrestDescription() {
		MessageMatcher matcher = HamcrestMatchers.from(hasEntry("status", "PAID"));
		assertThat(matcher.description()).isEqualTo("map containing [\"status\"->\"PAID\"]");
		assertThat(matcher).hasToString("map containing [\"status\"->\"PAID\"]");
	}

	@Test
	void passesWithTheDescription() {
		MessageMatcher matcher = HamcrestMatchers.from(hasEntry("status", "PAID"));
		assertThat(matcher.match(map("status", "PAID")))
			.isEqualTo(MatchResult.pass("map containing [\"status\"->\"PAID\"]"));
	}

	@Test
	void failsWithTheHamcrestMismatchDescription() {
		MessageMatcher matcher = HamcrestMatchers.from(greaterThan(5));
		assertThat(matcher.match(3)).isEqualTo(MatchResult.fail("<3> was less than <5>",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "a value greater than <5>", 3)));
	}

	@Test
	void aPayloadOfTheWrongTypeIsAMismatchNotAnException() {
		MessageMatcher matcher = HamcrestMatchers.from(startsWith("a"));
		Object payload = new LinkedHashMap<>();
		assertThat(matcher.match(payload)).isEqualTo(MatchResult.fail("was a java.util.LinkedHashMap (<{}>)",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, "a string starting with \"a\"", payload)));
	}

	@Test
	void aMatcherThatCastsBlindlyIsATypeMismatch() {
		MessageMatcher matcher = HamcrestMatchers.from(new BlindLengthMatcher());
		assertThat(matcher.match(42))
			.isEqualTo(MatchResult.fail("a short string cannot accept a payload of type number",
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, "a short string", "number")));
	}

	@Test
	void anEmptyMismatchDescriptionFallsBackToExpectedAndActual() {
		MessageMatcher matcher = HamcrestMatchers.from(new SilentMatcher());
		assertThat(matcher.match("x").reason()).isEqualTo("expected silent, got \"x\"");
	}

	static final class BlindLengthMatcher extends BaseMatcher<String> {

		@Override
		public boolean matches(Object actual) {
			return ((String) actual).length() < 3;
		}

		@Override
		public void describeTo(Description description) {
			description.appendText("a short string");
		}

	}

	static final class SilentMatcher extends BaseMatcher<Object> {

		@Override
		public boolean matches(Object actual) {
			return false;
		}

		@Override
		public void describeTo(Description description) {
			description.appendText("silent");
		}

		@Override
		public void describeMismatch(Object item, Description description) {
		}

	}

}

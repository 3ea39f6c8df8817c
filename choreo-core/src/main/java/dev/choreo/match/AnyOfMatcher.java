package dev.choreo.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when one child passes; the first match wins.
 */
final class AnyOfMatcher extends DescribedMatcher {

	private final List<MessageMatcher> matchers;

	AnyOfMatcher(List<MessageMatcher> matchers) {
		super(Shapes.describe("anyOf", matchers));
		this.matchers = matchers;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return evaluate((matcher) -> matcher.match(payload), payload);
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		return evaluate((matcher) -> matcher.matchMessage(message), message.payload());
	}

	private MatchResult evaluate(Function<MessageMatcher, @Nullable MatchResult> run, @Nullable Object payload) {
		List<MatchFailure> children = new ArrayList<>(this.matchers.size());
		List<String> reasons = new ArrayList<>(this.matchers.size());
		for (MessageMatcher matcher : this.matchers) {
			MatchResult result = Shapes.checked(run.apply(matcher), matcher.description());
			if (result.matched()) {
				return MatchResult.pass("anyOf matched " + matcher.description());
			}
			children.add(Shapes.failureOf(result, matcher.description(), payload));
			reasons.add(result.reason());
		}
		MatchFailure failure = new MatchFailure(Kind.COMPOSED, Shapes.ANY_OF,
				Shapes.single(Shapes.ANY_OF, expectedShape()), null, children);
		return MatchResult.fail("anyOf: none matched \u2014 " + String.join("; ", reasons), failure);
	}

	@Override
	public Object expectedShape() {
		return Shapes.shapesOf(this.matchers);
	}

}

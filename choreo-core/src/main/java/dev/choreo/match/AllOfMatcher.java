package dev.choreo.match;

import java.util.List;
import java.util.function.Function;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when every child passes; evaluates in order and stops at the first failure.
 */
final class AllOfMatcher extends DescribedMatcher {

	private final List<MessageMatcher> matchers;

	AllOfMatcher(List<MessageMatcher> matchers) {
		super(Shapes.describe("allOf", matchers));
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
		for (MessageMatcher matcher : this.matchers) {
			MatchResult result = Shapes.checked(run.apply(matcher), matcher.description());
			if (!result.matched()) {
				return failed(matcher, result, payload);
			}
		}
		return MatchResult.pass(description());
	}

	private MatchResult failed(MessageMatcher matcher, MatchResult result, @Nullable Object payload) {
		MatchFailure child = Shapes.failureOf(result, matcher.description(), payload);
		MatchFailure failure = new MatchFailure(Kind.COMPOSED, Shapes.ALL_OF,
				Shapes.single(Shapes.ALL_OF, expectedShape()), null, List.of(child));
		return MatchResult.fail("allOf failed on " + matcher.description() + ": " + result.reason(), failure);
	}

	@Override
	public Object expectedShape() {
		return Shapes.shapesOf(this.matchers);
	}

}

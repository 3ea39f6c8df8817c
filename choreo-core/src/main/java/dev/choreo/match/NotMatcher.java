package dev.choreo.match;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Reverses a matcher: passes when it fails and fails when it passes.
 */
final class NotMatcher extends DescribedMatcher {

	private final MessageMatcher matcher;

	NotMatcher(MessageMatcher matcher) {
		super("not(" + matcher.description() + ")");
		this.matcher = matcher;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return evaluate(this.matcher.match(payload), payload);
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		return evaluate(this.matcher.matchMessage(message), message.payload());
	}

	private MatchResult evaluate(@Nullable MatchResult inner, @Nullable Object payload) {
		if (!Shapes.checked(inner, this.matcher.description()).matched()) {
			return MatchResult.pass(description());
		}
		return MatchResult.fail(description() + " but it matched",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, expectedShape(), payload));
	}

	@Override
	public Object expectedShape() {
		return Shapes.single("not", Shapes.shapeOf(this.matcher));
	}

}

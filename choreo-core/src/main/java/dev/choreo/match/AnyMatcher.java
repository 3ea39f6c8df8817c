package dev.choreo.match;

import org.jspecify.annotations.Nullable;

/**
 * Matches every payload.
 */
final class AnyMatcher extends DescribedMatcher {

	static final AnyMatcher INSTANCE = new AnyMatcher();

	private AnyMatcher() {
		super("anyPayload()");
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return MatchResult.pass(description());
	}

}

package dev.choreo.match;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.hamcrest.StringDescription;
import org.jspecify.annotations.Nullable;

/**
 * Adapts a Hamcrest matcher: its description becomes the description, its mismatch
 * description the reason.
 */
final class HamcrestMatcher extends DescribedMatcher {

	private final org.hamcrest.Matcher<?> matcher;

	HamcrestMatcher(org.hamcrest.Matcher<?> matcher) {
		super(StringDescription.toString(matcher));
		this.matcher = matcher;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		try {
			if (this.matcher.matches(payload)) {
				return MatchResult.pass(description());
			}
			return MatchResult.fail(mismatch(payload),
					MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, description(), payload));
		}
		catch (ClassCastException ex) {
			return Shapes.wrongType(description(), payload);
		}
	}

	private String mismatch(@Nullable Object payload) {
		StringDescription mismatch = new StringDescription();
		this.matcher.describeMismatch(payload, mismatch);
		String text = mismatch.toString().trim();
		return (!text.isEmpty()) ? text : "expected " + description() + ", got " + Repr.repr(payload);
	}

}

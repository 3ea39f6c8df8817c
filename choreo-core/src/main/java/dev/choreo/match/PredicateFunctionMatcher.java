package dev.choreo.match;

import java.util.function.Predicate;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A described custom predicate over the payload.
 *
 * @param <T> the payload type the predicate expects
 */
final class PredicateFunctionMatcher<T extends @Nullable Object> extends DescribedMatcher {

	private final Predicate<T> predicate;

	PredicateFunctionMatcher(String description, Predicate<T> predicate) {
		super(description);
		this.predicate = predicate;
	}

	@Override
	@SuppressWarnings("unchecked")
	public MatchResult match(@Nullable Object payload) {
		try {
			if (this.predicate.test((T) payload)) {
				return MatchResult.pass(description());
			}
			return MatchResult.fail("expected " + description() + ", got " + Repr.repr(payload),
					MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, description(), payload));
		}
		catch (ClassCastException ex) {
			return Shapes.wrongType(description(), payload);
		}
	}

}

package dev.choreo.match;

import java.util.function.Consumer;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Runs assertions against the payload: passes when they return normally, and turns an
 * {@link AssertionError} into a failure whose reason is the assertion's message.
 *
 * @param <T> the payload type the assertions expect
 */
final class SatisfiesMatcher<T extends @Nullable Object> extends DescribedMatcher {

	private final Consumer<T> assertions;

	SatisfiesMatcher(String description, Consumer<T> assertions) {
		super(description);
		this.assertions = assertions;
	}

	@Override
	@SuppressWarnings("unchecked")
	public MatchResult match(@Nullable Object payload) {
		try {
			this.assertions.accept((T) payload);
			return MatchResult.pass(description());
		}
		catch (AssertionError ex) {
			return MatchResult.fail(reason(ex),
					MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, description(), payload));
		}
		catch (ClassCastException ex) {
			return Shapes.wrongType(description(), payload);
		}
	}

	private static String reason(AssertionError error) {
		String message = error.getMessage();
		return (message != null && !message.isBlank()) ? message.trim() : error.getClass().getName();
	}

}

package dev.choreo.match;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one {@link MessageMatcher} evaluation.
 *
 * @param matched whether the payload matched
 * @param reason why it matched or did not, never empty
 * @param failure the structured failure when not matched, {@code null} when matched
 * @since 0.1.0
 */
public record MatchResult(boolean matched, String reason, @Nullable MatchFailure failure) {

	/**
	 * Create a new instance, checking that a match carries no failure.
	 * @param matched whether the payload matched
	 * @param reason why it matched or did not
	 * @param failure the structured failure when not matched
	 */
	public MatchResult {
		Objects.requireNonNull(reason, "reason");
		if (matched && failure != null) {
			throw new IllegalArgumentException("A matched result carries no failure");
		}
	}

	/**
	 * Return a matched result.
	 * @param reason why it matched
	 * @return the result
	 */
	public static MatchResult pass(String reason) {
		return new MatchResult(true, reason, null);
	}

	/**
	 * Return a failed result.
	 * @param reason why it did not match
	 * @param failure the structured failure
	 * @return the result
	 */
	public static MatchResult fail(String reason, MatchFailure failure) {
		return new MatchResult(false, reason, failure);
	}

}

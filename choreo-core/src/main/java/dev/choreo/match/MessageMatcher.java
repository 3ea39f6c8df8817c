package dev.choreo.match;

import org.jspecify.annotations.Nullable;

/**
 * A predicate over a received message that explains itself: every result carries a
 * reason, and every mismatch a structured {@link MatchFailure}.
 * <p>
 * Most matchers look only at the decoded payload and implement {@link #match(Object)}.
 * Matchers that need headers, the key or the raw bytes override
 * {@link #matchMessage(ReceivedMessage)}. Matchers must be stateless so one instance can
 * be reused across scenarios and threads. A matcher that throws is counted as a near-miss
 * whose reason names the exception class.
 * <p>
 * Use the factories in {@link Matchers} rather than implementing this interface directly.
 *
 * @since 0.1.0
 */
public interface MessageMatcher {

	/**
	 * Return a short human-readable description, shown in failure messages and reports.
	 * The built-in matchers describe themselves as the DSL call that made them, with
	 * values in JSON notation: {@code fieldEquals("status", "PAID")}.
	 * @return the description
	 */
	String description();

	/**
	 * Match a decoded payload.
	 * @param payload the decoded payload: a {@code Map}, {@code List}, {@code String},
	 * {@code Number}, {@code Boolean}, {@code byte[]} (undecodable bytes), a typed
	 * object, or {@code null}
	 * @return the result, never {@code null}
	 */
	MatchResult match(@Nullable Object payload);

	/**
	 * Match a whole received message. The default matches the decoded payload.
	 * @param message the received message
	 * @return the result, never {@code null}
	 */
	default MatchResult matchMessage(ReceivedMessage message) {
		return match(message.payload());
	}

	/**
	 * Return the shape this matcher expects, as plain JSON-like values (a byte array for
	 * bytes), for the report's expected-versus-actual view and the IDE diff. Keys name
	 * matchers by their DSL names ({@code {"gt": 0}}, {@code {"allOf": [...]}}). The
	 * default is {@code null} (no shape).
	 * @return the expected shape or {@code null}
	 */
	default @Nullable Object expectedShape() {
		return null;
	}

}

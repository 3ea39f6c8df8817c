package dev.choreo.transport.redis;

import java.math.BigDecimal;
import java.time.Duration;

import dev.choreo.internal.Redaction;
import dev.choreo.transport.SafeUrl;

/**
 * Words failures for messages: the innermost cause, without credentials.
 */
final class Failures {

	private Failures() {
	}

	/**
	 * Describe a failure by its innermost cause, such as
	 * {@code ConnectException: Connection refused}, with credentials redacted.
	 * @param failure the failure
	 * @return the description
	 */
	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		String text = root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return Redaction.scrub(SafeUrl.redact(text), null);
	}

	/**
	 * Render a duration as {@code 250ms} or {@code 2.5s}.
	 * @param duration the duration
	 * @return the words
	 */
	static String words(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + "ms";
		}
		return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
	}

}

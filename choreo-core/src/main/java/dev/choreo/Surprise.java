package dev.choreo;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message that reached a harness but no scenario claimed: metadata only, never the
 * payload. Useful when an expectation times out: the surprise log shows whether the
 * message arrived under another correlation id, after its scenario ended, or while
 * nothing listened.
 *
 * @param at when it arrived
 * @param harness the harness it arrived on
 * @param topic the topic it arrived on
 * @param correlationId the correlation id it carried, or {@code null}
 * @param size the payload size in bytes
 * @param kind why no scenario claimed it
 * @since 0.1.0
 */
public record Surprise(Instant at, String harness, String topic, @Nullable String correlationId, int size, Kind kind) {

	/**
	 * Why no scenario claimed a message.
	 */
	public enum Kind {

		/** It carried a correlation id that no live scenario owns. */
		UNKNOWN_SCOPE("unknown_scope"),

		/** It carried the id of a scenario that had already ended: it came too late. */
		LATE("timeout_race"),

		/**
		 * No live scenario listened to its topic (for its correlation id, if it had one).
		 */
		UNCLAIMED("unclaimed"),

		/** The correlation policy could not read it. */
		POLICY_ERROR("policy_error"),

		/**
		 * It carried no correlation id, on a harness that ignores such messages
		 * ({@link Unidentified#IGNORE}).
		 */
		UNIDENTIFIED("no_correlation_id");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		/**
		 * Return the lower-case value used in reports.
		 * @return the value
		 */
		public String value() {
			return this.value;
		}

	}

}

package dev.choreo;

import java.time.Instant;

/**
 * One event of a scenario's timeline.
 *
 * @param offsetMillis milliseconds since the scenario was opened, from a monotonic clock
 * @param wallClock the wall-clock time of the event, for lining up with logs only
 * @param harness the name of the harness the event happened on
 * @param topic the topic involved (for replies, the trigger topic)
 * @param action what happened
 * @param detail more about it, at most 120 characters
 * @since 0.1.0
 */
public record TimelineEntry(double offsetMillis, Instant wallClock, String harness, String topic, TimelineAction action,
		String detail) {

}

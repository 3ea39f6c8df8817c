package dev.choreo;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats measured times the way failure messages show them, so a test can pin a whole
 * message whose numbers come from the run itself.
 */
final class Times {

	private Times() {
	}

	/**
	 * Milliseconds with one decimal: {@code 12.5ms}.
	 */
	static String ms(double millis) {
		return String.format(Locale.ROOT, "%.1fms", millis);
	}

	/**
	 * A duration in milliseconds with one decimal.
	 */
	static String ms(Duration duration) {
		return ms(duration.toNanos() / 1_000_000.0);
	}

	/**
	 * Whole milliseconds: {@code 51ms}.
	 */
	static String wholeMs(double millis) {
		return String.format(Locale.ROOT, "%.0fms", millis);
	}

	/**
	 * A timeline offset as the failure summary pads it.
	 */
	static String offset(TimelineEntry entry) {
		return String.format(Locale.ROOT, "%7.1fms", entry.offsetMillis());
	}

	/**
	 * Spin until a duration has passed: for the few tests that need time to pass while a
	 * thread is busy (a slow subscription), never to wait for another thread.
	 */
	static void spin(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

}

package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Small formatting helpers for failure messages and reasons.
 */
final class Texts {

	private Texts() {
	}

	/**
	 * Render milliseconds with one decimal, as in {@code 12.5ms}.
	 */
	static String millis(double millis) {
		return String.format(Locale.ROOT, "%.1fms", millis);
	}

	/**
	 * Render nanoseconds as milliseconds with one decimal.
	 */
	static String nanos(long nanos) {
		return millis(nanos / 1_000_000.0);
	}

	/**
	 * Render a duration in words: {@code 500ms}, {@code 2.5s}, {@code 1m30s}.
	 */
	static String duration(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos <= 0) {
			return trim(nanos / 1_000_000.0) + "ms";
		}
		if (nanos < 1_000_000L) {
			return (nanos % 1_000L == 0) ? (nanos / 1_000L) + "us" : nanos + "ns";
		}
		if (nanos < 1_000_000_000L) {
			return trim(nanos / 1_000_000.0) + "ms";
		}
		if (nanos < 60_000_000_000L) {
			return trim(nanos / 1_000_000_000.0) + "s";
		}
		long seconds = duration.getSeconds();
		return (seconds / 60) + "m" + ((seconds % 60 != 0) ? (seconds % 60) + "s" : "");
	}

	private static String trim(double value) {
		String text = String.format(Locale.ROOT, "%.3f", value);
		text = text.replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * Name the type of a payload in a refusal: {@code Map}, {@code List} or {@code Set}
	 * for any collection of that kind, otherwise the simple class name (the full name for
	 * an anonymous class).
	 */
	static String typeName(@Nullable Object payload) {
		if (payload == null) {
			return "null";
		}
		if (payload instanceof Map) {
			return "Map";
		}
		if (payload instanceof List) {
			return "List";
		}
		if (payload instanceof Set) {
			return "Set";
		}
		String simple = payload.getClass().getSimpleName();
		return simple.isEmpty() ? payload.getClass().getName() : simple;
	}

	static String plural(int count, String singular, String plural) {
		return count + " " + ((count == 1) ? singular : plural);
	}

}

package dev.choreo.chronicle.query;

import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Resolution of a latency series.
 *
 * @author Choreo
 */
public enum Resolution {

	/** One point per run, percentiles computed exactly from the stored measurements. */
	RAW,

	/** One point per UTC hour, from the hourly roll-ups. */
	HOURLY,

	/** One point per UTC day, from the daily roll-ups. */
	DAILY;

	/**
	 * Choose the resolution for a window: raw up to 24 hours, hourly up to 30 days, daily
	 * beyond.
	 * @param span the window's length
	 * @return the resolution
	 */
	public static Resolution forSpan(Duration span) {
		if (span.compareTo(Duration.ofHours(24)) <= 0) {
			return RAW;
		}
		return (span.compareTo(Duration.ofDays(30)) <= 0) ? HOURLY : DAILY;
	}

	/**
	 * Parse a request parameter.
	 * @param value raw, hourly or daily
	 * @return the resolution
	 */
	public static Resolution of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Return the parameter value, also its JSON form.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}

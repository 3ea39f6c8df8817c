package dev.choreo.chronicle.security;

import java.util.Locale;

/**
 * What a tenant token may do.
 *
 * @author Choreo
 */
public enum TokenScope {

	/** Post reports and read the tenant's data. */
	INGEST,

	/** Read the tenant's data only (for dashboards). */
	READ;

	/**
	 * Return the stored value.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse a stored or requested value.
	 * @param value the value
	 * @return the scope
	 */
	public static TokenScope of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}

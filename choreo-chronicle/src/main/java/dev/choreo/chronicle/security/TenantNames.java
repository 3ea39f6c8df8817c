package dev.choreo.chronicle.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tenant names: lower-cased, 2 to 64 characters of {@code a-z}, {@code 0-9} and
 * {@code -}, starting and ending with a letter or digit.
 *
 * @author Choreo
 */
public final class TenantNames {

	private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$");

	private TenantNames() {
	}

	/**
	 * Lower-case a tenant name and check it.
	 * @param raw the name as given
	 * @return the normalised name
	 * @throws InvalidTenantException when it is not a valid name
	 */
	public static String normalise(String raw) {
		String name = raw.trim().toLowerCase(Locale.ROOT);
		if (!VALID.matcher(name).matches()) {
			throw new InvalidTenantException(raw);
		}
		return name;
	}

	/**
	 * Thrown for a tenant name that does not match the pattern.
	 */
	public static class InvalidTenantException extends RuntimeException {

		/**
		 * The refused name, cut to 80 characters.
		 */
		private final String given;

		InvalidTenantException(String given) {
			super("Invalid tenant name");
			this.given = (given.length() > 80) ? given.substring(0, 80) + "…" : given;
		}

		/**
		 * Return the name as given (at most 80 characters).
		 * @return the name
		 */
		public String getGiven() {
			return this.given;
		}

	}

}

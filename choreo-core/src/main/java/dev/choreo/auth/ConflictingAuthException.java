package dev.choreo.auth;

/**
 * A broker URL carries credentials and auth was configured as well, so it is unclear
 * which should win.
 *
 * @since 0.1.0
 * @see Auth#checkNoConflict(String, AuthResolver, String)
 */
public class ConflictingAuthException extends AuthException {

	private static final long serialVersionUID = 1L;

	ConflictingAuthException(String transportName, String urlWithoutCredentials) {
		super("the " + transportName + " URL '" + urlWithoutCredentials
				+ "' carries credentials and auth is configured as well; use one or the other");
	}

}

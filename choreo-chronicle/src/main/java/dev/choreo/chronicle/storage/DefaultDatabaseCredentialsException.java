package dev.choreo.chronicle.storage;

/**
 * Thrown at start-up when Chronicle runs outside local use with default database
 * credentials.
 *
 * @author Choreo
 */
public class DefaultDatabaseCredentialsException extends RuntimeException {

	/**
	 * What made this a non-local start.
	 */
	private final String context;

	/**
	 * Which default credentials were found.
	 */
	private final String credentials;

	DefaultDatabaseCredentialsException(String context, String credentials) {
		super("Chronicle refuses to start with default database credentials (" + credentials + ") for " + context);
		this.context = context;
		this.credentials = credentials;
	}

	/**
	 * Return what made this a non-local start (the profiles or the environment setting).
	 * @return the context
	 */
	public String getContext() {
		return this.context;
	}

	/**
	 * Return which default credentials were found.
	 * @return the description
	 */
	public String getCredentials() {
		return this.credentials;
	}

}

package dev.choreo.transport;

/**
 * A problem with the endpoint allowlist: either an endpoint is not on it, or the
 * allowlist itself cannot be read. Messages never contain credentials.
 *
 * @since 0.1.0
 * @see EndpointNotAllowedException
 * @see AllowlistConfigException
 */
public class AllowlistException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new instance.
	 * @param message the message, without credentials
	 */
	protected AllowlistException(String message) {
		super(message);
	}

}

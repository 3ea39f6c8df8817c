package dev.choreo.transport;

/**
 * An allowlist file or text cannot be used: it is missing, unreadable, not YAML, or not
 * shaped as a mapping of category to a list of endpoints.
 *
 * @since 0.1.0
 */
public class AllowlistConfigException extends AllowlistException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new instance.
	 * @param message the message, naming the allowlist source
	 */
	public AllowlistConfigException(String message) {
		super(message);
	}

}

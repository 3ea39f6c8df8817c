package dev.choreo.transport;

/**
 * An endpoint a transport would contact is not on the {@link Allowlist}. Thrown before
 * any socket is opened; the message shows the endpoint with its credentials redacted.
 *
 * @since 0.1.0
 */
public class EndpointNotAllowedException extends AllowlistException {

	private static final long serialVersionUID = 1L;

	/** Not serialised: the value may carry credentials. */
	private final transient Endpoint endpoint;

	EndpointNotAllowedException(Endpoint endpoint, String source, boolean loopbackRefused) {
		super(message(endpoint, source, loopbackRefused));
		this.endpoint = endpoint;
	}

	private static String message(Endpoint endpoint, String source, boolean loopbackRefused) {
		EndpointCategory category = endpoint.category();
		String message = category.label() + " '" + SafeUrl.redact(endpoint.value())
				+ "' is not on the allowlist (source: " + source + "); add it under '" + category.key()
				+ "' if tests may use it";
		return loopbackRefused ? message + "; loopback endpoints are refused because allow_loopback is false" : message;
	}

	/**
	 * Return the refused endpoint. Its value may carry credentials: show it only through
	 * {@link SafeUrl#redact(String)}.
	 * @return the endpoint
	 */
	public Endpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Return the category of the refused endpoint.
	 * @return the category
	 */
	public EndpointCategory category() {
		return this.endpoint.category();
	}

}

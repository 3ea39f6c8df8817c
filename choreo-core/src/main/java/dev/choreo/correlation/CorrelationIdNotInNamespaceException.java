package dev.choreo.correlation;

/**
 * A correlation id is outside the namespace its policy requires, for example a
 * {@code PROD-} id under {@link CorrelationPolicy#testNamespace()}. Nothing was
 * published.
 *
 * @since 0.1.0
 */
public class CorrelationIdNotInNamespaceException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * The refused id.
	 */
	private final String correlationId;

	/**
	 * The prefix every id must start with.
	 */
	private final String prefix;

	/**
	 * Create a new instance.
	 * @param correlationId the refused id
	 * @param prefix the prefix every id must start with
	 */
	public CorrelationIdNotInNamespaceException(String correlationId, String prefix) {
		super("Correlation id '" + correlationId + "' is outside the '" + prefix + "' namespace; every id this"
				+ " policy writes or accepts must start with '" + prefix + "'");
		this.correlationId = correlationId;
		this.prefix = prefix;
	}

	/**
	 * Return the refused id.
	 * @return the id
	 */
	public String getCorrelationId() {
		return this.correlationId;
	}

	/**
	 * Return the required prefix.
	 * @return the prefix
	 */
	public String getPrefix() {
		return this.prefix;
	}

}

package dev.choreo.correlation;

/**
 * A {@link CorrelationPolicy} method threw. The message names the policy class, the
 * method and the exception class only, since the exception's own text may contain payload
 * data; the original is kept as the cause.
 *
 * @since 0.1.0
 */
public class CorrelationPolicyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String policyClass;

	private final String method;

	/**
	 * Create a new instance.
	 * @param policy the policy that threw
	 * @param method the method that threw: {@code newId}, {@code write} or {@code read}
	 * @param original what it threw
	 */
	public CorrelationPolicyException(Object policy, String method, Throwable original) {
		super(policy.getClass().getSimpleName() + "." + method + " raised " + original.getClass().getName(), original);
		this.policyClass = policy.getClass().getSimpleName();
		this.method = method;
	}

	/**
	 * Return the simple class name of the policy.
	 * @return the class name
	 */
	public String getPolicyClass() {
		return this.policyClass;
	}

	/**
	 * Return the method that threw.
	 * @return the method name
	 */
	public String getMethod() {
		return this.method;
	}

}

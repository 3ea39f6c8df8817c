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

	/**
	 * The simple class name of the policy that threw.
	 */
	private final String policyClass;

	/**
	 * The policy method that threw.
	 */
	private final String method;

	/**
	 * Create a new instance.
	 * @param policy the policy that threw
	 * @param method the method that threw: {@code newId}, {@code write} or {@code read}
	 * @param original what it threw
	 */
	public CorrelationPolicyException(Object policy, String method, Throwable original) {
		super(className(policy) + "." + method + " raised " + original.getClass().getName(), original);
		this.policyClass = className(policy);
		this.method = method;
	}

	private static String className(Object policy) {
		String simple = policy.getClass().getSimpleName();
		return simple.isEmpty() ? policy.getClass().getName() : simple;
	}

	/**
	 * Return the simple class name of the policy (the full name for an anonymous class).
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

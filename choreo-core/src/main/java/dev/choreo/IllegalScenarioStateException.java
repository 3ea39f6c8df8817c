package dev.choreo;

/**
 * A scenario step was called at a point where it is not allowed, such as {@code expect()}
 * after {@code publish()}. The message says what to do instead.
 *
 * @since 0.1.0
 */
public class IllegalScenarioStateException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new instance.
	 * @param message what went wrong and what to do instead
	 */
	public IllegalScenarioStateException(String message) {
		super(message);
	}

}

package dev.choreo;

/**
 * A {@link ReplyChain} was given a second reply. Each {@code on(...)} registers one
 * reply; call {@code on(...)} again for another.
 *
 * @since 0.1.0
 */
public class ReplyAlreadyBoundException extends IllegalScenarioStateException {

	private static final long serialVersionUID = 1L;

	ReplyAlreadyBoundException(String trigger) {
		super("The reply chain for trigger '" + trigger + "' already has a reply; each on(...) takes exactly one,"
				+ " so call on(...) again to register another");
	}

}

package dev.choreo.transport;

/**
 * Receives the messages of one subscription.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InboundHandler {

	/**
	 * Handle one message. Called on the transport's thread, possibly concurrently; must
	 * not throw.
	 * @param message the message
	 */
	void onMessage(TransportMessage message);

}

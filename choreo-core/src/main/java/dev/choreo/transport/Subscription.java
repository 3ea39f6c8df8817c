package dev.choreo.transport;

/**
 * A live transport subscription.
 *
 * @since 0.1.0
 */
public interface Subscription {

	/**
	 * Return the topic this subscription listens to.
	 * @return the topic
	 */
	String topic();

	/**
	 * Stop delivery and release the broker-side resources (subscription, queue,
	 * assignment). Calling it again does nothing.
	 */
	void unsubscribe();

}

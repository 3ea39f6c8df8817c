package dev.choreo;

/**
 * Something in a scope that wants the messages of one topic on one harness: an
 * expectation or a reply.
 */
interface Interest {

	Binding binding();

	String topic();

	/**
	 * Offer a message. Called on the transport's thread with no lock held; must not
	 * throw.
	 */
	void offer(Inbound inbound);

}

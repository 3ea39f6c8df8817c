package dev.choreo.transport;

/**
 * Told what became of one published message. Exactly one of the two methods is called,
 * once.
 *
 * @since 0.1.0
 */
public interface PublishCallback {

	/** A callback that ignores both outcomes. */
	PublishCallback NONE = new PublishCallback() {

		@Override
		public void onSent() {
		}

		@Override
		public void onError(Throwable error) {
		}

	};

	/**
	 * The message is on its way: written to the connection, or acknowledged by the broker
	 * on transports that acknowledge.
	 */
	void onSent();

	/**
	 * The message could not be published.
	 * @param error why
	 */
	void onError(Throwable error);

}

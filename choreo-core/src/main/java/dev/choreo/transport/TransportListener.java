package dev.choreo.transport;

import org.jspecify.annotations.Nullable;

/**
 * Told about changes in a transport's connection, so scenarios can say that a broker went
 * away.
 *
 * @since 0.1.0
 */
public interface TransportListener {

	/** A listener that ignores every event. */
	TransportListener NONE = new TransportListener() {
	};

	/**
	 * The connection to the broker was lost.
	 * @param description what happened, without credentials
	 * @param cause the cause, or {@code null}
	 */
	default void connectionLost(String description, @Nullable Throwable cause) {
	}

	/**
	 * An attempt to reconnect failed: the connection is still lost. A transport that
	 * retries calls it after each failed attempt, so a harness can tell what keeps the
	 * broker unreachable.
	 * @param description what the attempt met, without credentials, such as
	 * {@code ConnectException: Connection refused}
	 * @param cause the cause, or {@code null}
	 * @since 0.1.0
	 */
	default void reconnectFailed(String description, @Nullable Throwable cause) {
	}

	/**
	 * The connection to the broker is back: new subscriptions and publishes work again.
	 */
	default void connectionRestored() {
	}

}

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
	 * The connection to the broker is back.
	 */
	default void connectionRestored() {
	}

}

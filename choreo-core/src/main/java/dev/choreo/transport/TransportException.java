package dev.choreo.transport;

import org.jspecify.annotations.Nullable;

/**
 * A transport could not do what was asked: connect, subscribe or publish. Messages never
 * contain credentials.
 *
 * @since 0.1.0
 */
public class TransportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new instance.
	 * @param message the message, without credentials
	 */
	public TransportException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the message, without credentials
	 * @param cause the cause, or {@code null} when the cause might carry secrets
	 */
	public TransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

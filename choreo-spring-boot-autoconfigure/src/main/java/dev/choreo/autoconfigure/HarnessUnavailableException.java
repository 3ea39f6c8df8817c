package dev.choreo.autoconfigure;

import dev.choreo.transport.TransportException;

/**
 * A test used a harness whose broker cannot be reached.
 */
final class HarnessUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	HarnessUnavailableException(String message, TransportException cause) {
		super(message, cause);
	}

}

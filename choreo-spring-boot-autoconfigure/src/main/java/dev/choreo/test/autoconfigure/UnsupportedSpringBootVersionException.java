package dev.choreo.test.autoconfigure;

/**
 * Thrown when Choreo is used with a Spring Boot line it does not support.
 */
final class UnsupportedSpringBootVersionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	UnsupportedSpringBootVersionException(String message) {
		super(message);
	}

}

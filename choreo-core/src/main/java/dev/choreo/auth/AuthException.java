package dev.choreo.auth;

import org.jspecify.annotations.Nullable;

/**
 * Credentials could not be obtained or used. Never carries a cause or suppressed
 * exceptions, and never the text of another exception, since either could hold a secret;
 * when a resolver failed, {@link #resolverCause()} names the class of what it threw.
 *
 * @since 0.1.0
 */
public class AuthException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * The class name of what a failed resolver threw, or {@code null}.
	 */
	private final @Nullable String resolverCause;

	/**
	 * Create a new instance.
	 * @param message the message, without secrets
	 */
	public AuthException(String message) {
		this(message, null);
	}

	AuthException(String message, @Nullable String resolverCause) {
		super(message, null, false, true);
		this.resolverCause = resolverCause;
	}

	static AuthException resolverFailed(Throwable failure) {
		String name = unwrap(failure).getClass().getName();
		return new AuthException("auth resolver failed", name.replaceAll("[^A-Za-z0-9_.]", "_"));
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while (isWrapper(current) && current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

	private static boolean isWrapper(Throwable failure) {
		return failure instanceof java.util.concurrent.CompletionException
				|| failure instanceof java.util.concurrent.ExecutionException;
	}

	/**
	 * Return the class name of what the resolver threw, with characters outside
	 * {@code [A-Za-z0-9_.]} replaced by {@code _}.
	 * @return the class name, or {@code null} when no resolver failed
	 */
	public @Nullable String resolverCause() {
		return this.resolverCause;
	}

}

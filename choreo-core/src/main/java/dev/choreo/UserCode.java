package dev.choreo;

import dev.choreo.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * The boundary where the engine calls user code (matchers, reply builders, codecs,
 * correlation policies, observers): everything thrown there, {@code Error}s included, is
 * caught and recorded against what it belongs to. Only a {@link VirtualMachineError}
 * passes, since nothing can be trusted after one.
 */
final class UserCode {

	private static final int MESSAGE_LIMIT = 200;

	private UserCode() {
	}

	/**
	 * Rethrow a throwable that must never be caught.
	 * @param failure what was caught
	 */
	static void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError fatal) {
			throw fatal;
		}
	}

	/**
	 * Describe what user code threw: its class and its message, scrubbed of secrets and
	 * cut to a readable length.
	 * @param failure what was thrown
	 * @return the description
	 */
	static String describe(Throwable failure) {
		String message = message(failure);
		return (message != null) ? failure.getClass().getName() + ": " + message : failure.getClass().getName();
	}

	/**
	 * Return a throwable's message on one line, scrubbed of secrets, or {@code null} when
	 * it has none.
	 * @param failure the throwable
	 * @return the message
	 */
	static @Nullable String message(Throwable failure) {
		String message;
		try {
			message = failure.getMessage();
		}
		catch (Throwable ex) {
			rethrowIfFatal(ex);
			return null;
		}
		if (message == null || message.isBlank()) {
			return null;
		}
		String text = message.replaceAll("\\s+", " ").strip();
		if (text.length() > MESSAGE_LIMIT) {
			text = text.substring(0, MESSAGE_LIMIT - 3) + "...";
		}
		return Redaction.scrub(text, null);
	}

}

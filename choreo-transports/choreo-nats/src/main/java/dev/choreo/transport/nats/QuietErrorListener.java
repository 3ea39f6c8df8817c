package dev.choreo.transport.nats;

import java.util.function.BiConsumer;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what jnats reports without the noise of its default listener, and without message
 * text that could carry credentials, and passes client exceptions (such as a failed
 * reconnect attempt) on to the transport.
 */
final class QuietErrorListener implements ErrorListener {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(NatsTransport.class);

		private Log() {
		}

	}

	private final BiConsumer<Connection, Exception> exceptions;

	QuietErrorListener(BiConsumer<Connection, Exception> exceptions) {
		this.exceptions = exceptions;
	}

	@Override
	public void errorOccurred(Connection connection, String error) {
		Log.logger.debug("NATS server error: {}", error);
	}

	@Override
	public void exceptionOccurred(Connection connection, Exception exception) {
		Log.logger.debug("NATS client exception: {}", exception.getClass().getName());
		this.exceptions.accept(connection, exception);
	}

}

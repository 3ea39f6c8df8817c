package dev.choreo.transport.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what jnats reports without the noise of its default listener, and without message
 * text that could carry credentials.
 */
final class QuietErrorListener implements ErrorListener {

	private static final Logger logger = LoggerFactory.getLogger(NatsTransport.class);

	@Override
	public void errorOccurred(Connection connection, String error) {
		logger.debug("NATS server error: {}", error);
	}

	@Override
	public void exceptionOccurred(Connection connection, Exception exception) {
		logger.debug("NATS client exception: {}", exception.getClass().getName());
	}

}

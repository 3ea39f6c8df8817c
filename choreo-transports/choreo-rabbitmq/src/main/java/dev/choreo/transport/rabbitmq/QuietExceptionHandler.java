package dev.choreo.transport.rabbitmq;

import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the client reports about the connections the transport owns at debug level: a
 * connection the broker resets (a refused login, a stopping broker) is reported to the
 * transport listener or as a connect failure, not as a warning with a stack trace.
 */
final class QuietExceptionHandler extends ForgivingExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	@Override
	protected void log(String message, Throwable ex) {
		logger.debug("RabbitMQ client: {} ({})", message, RabbitTransport.describe(ex));
	}

}

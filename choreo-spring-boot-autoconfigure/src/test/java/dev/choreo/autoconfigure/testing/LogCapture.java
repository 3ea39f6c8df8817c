package dev.choreo.autoconfigure.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures the events of one logger and those below it, at every level from INFO up,
 * while it is open.
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(String name) {
		this.logger = (Logger) LoggerFactory.getLogger(name);
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.appender.setContext(this.logger.getLoggerContext());
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * Capture a logger and those below it.
	 * @param name the logger name, such as {@code dev.choreo}
	 * @return the capture
	 */
	public static LogCapture of(String name) {
		return new LogCapture(name);
	}

	/**
	 * Return the formatted messages logged at a level, oldest first.
	 * @param level the level
	 * @return the messages
	 */
	public List<String> messages(Level level) {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.filter((event) -> event.getLevel() == level)
				.map(ILoggingEvent::getFormattedMessage)
				.toList();
		}
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
		this.logger.setLevel(this.level);
	}

}

package dev.choreo.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures the log events of Choreo's loggers while it is open. <pre class="code">
 * try (LogCapture logs = LogCapture.choreo()) {
 *     ...
 *     assertThat(logs.messages(Level.WARN)).containsExactly("...");
 * }
 * </pre>
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(String name) {
		this.logger = (Logger) LoggerFactory.getLogger(name);
		this.appender.setContext(this.logger.getLoggerContext());
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * Capture every logger under {@code dev.choreo}.
	 * @return the capture
	 */
	public static LogCapture choreo() {
		return new LogCapture("dev.choreo");
	}

	/**
	 * Return every captured event, oldest first.
	 * @return the events
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	/**
	 * Return the formatted messages of the events at one level, oldest first.
	 * @param level the level
	 * @return the messages
	 */
	public List<String> messages(Level level) {
		return events().stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	/**
	 * Return the formatted messages of every event, with their level, oldest first.
	 * @return the lines, as {@code LEVEL message}
	 */
	public List<String> lines() {
		return events().stream().map((event) -> event.getLevel() + " " + event.getFormattedMessage()).toList();
	}

	/**
	 * Return everything captured as one text, for checking that a secret appears nowhere:
	 * messages, arguments, throwables and key-value pairs.
	 * @return the text
	 */
	public String everything() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : events()) {
			text.append(event.getFormattedMessage()).append('\n');
			if (event.getArgumentArray() != null) {
				for (Object argument : event.getArgumentArray()) {
					text.append(argument).append('\n');
				}
			}
			if (event.getThrowableProxy() != null) {
				text.append(event.getThrowableProxy().getClassName())
					.append(": ")
					.append(event.getThrowableProxy().getMessage())
					.append('\n');
			}
			if (event.getKeyValuePairs() != null) {
				event.getKeyValuePairs().forEach((pair) -> text.append(pair).append('\n'));
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}

package dev.choreo.junit.report;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the report words its warnings. It never logs a payload or an exception
 * message (either may hold a secret), only class names and paths.
 */
final class ReportLog {

	private static final Logger logger = LoggerFactory.getLogger("dev.choreo.junit.report");

	private static final Set<String> redactorsWarned = ConcurrentHashMap.newKeySet();

	private ReportLog() {
	}

	static void notWritten(String reason) {
		logger.warn("Choreo report not written: {}. Test outcomes are not affected.", reason);
	}

	static void failed(String what, Throwable ex) {
		logger.warn("Choreo report: {} failed ({}); test outcomes are not affected", what, ex.getClass().getName());
	}

	static void warn(String message) {
		logger.warn("Choreo report: {}", message);
	}

	static void written(String where) {
		logger.info("Choreo report written to {}", where);
	}

	static void redactorFailed(Redactor redactor, Throwable ex) {
		String name = redactor.getClass().getName();
		if (redactorsWarned.add(name)) {
			logger.warn("Choreo report: redactor {} raised {}; it is skipped for that value and the built-in"
					+ " redaction still applies", name, ex.getClass().getName());
		}
	}

}

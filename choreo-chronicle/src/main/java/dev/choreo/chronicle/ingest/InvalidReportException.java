package dev.choreo.chronicle.ingest;

import java.util.List;

/**
 * A report that is not a valid test-report-v1 document.
 *
 * @author Choreo
 */
public class InvalidReportException extends RuntimeException {

	/**
	 * What is wrong with the report, one entry per violation.
	 */
	private final List<String> violations;

	/**
	 * Create an exception.
	 * @param violations what is wrong, one entry per violation
	 */
	public InvalidReportException(List<String> violations) {
		super("The report is not a valid test-report-v1 document");
		this.violations = List.copyOf(violations);
	}

	/**
	 * Return what is wrong.
	 * @return the violations
	 */
	public List<String> getViolations() {
		return this.violations;
	}

}

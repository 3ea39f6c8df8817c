package dev.choreo.junit.report;

/**
 * The outcome of one test record in the report.
 */
enum TestOutcome {

	PASSED("passed"), FAILED("failed"), ERRORED("errored"), SKIPPED("skipped"), SLOW("slow");

	private final String value;

	TestOutcome(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

}

package dev.choreo;

/**
 * What became of one expectation.
 *
 * @since 0.1.0
 */
public enum Outcome {

	/** A matching message arrived within the budget (or no budget was set). */
	PASS("pass"),

	/**
	 * Messages arrived on the expectation's correlation, but none matched before the
	 * deadline.
	 */
	FAIL("fail"),

	/**
	 * Nothing arrived on the expectation's correlation before the deadline: a routing
	 * problem (or an outage, which the reason then names first).
	 */
	TIMEOUT("timeout"),

	/** A matching message arrived, but later than the expectation's budget. */
	SLOW("slow"),

	/**
	 * The scenario ended before {@code awaitAll} resolved the expectation: it was closed
	 * early, or the test threw.
	 */
	ABORTED("aborted"),

	/** Not resolved yet. */
	PENDING("pending");

	private final String value;

	Outcome(String value) {
		this.value = value;
	}

	/**
	 * Return the lower-case value used in reports.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return how bad this outcome is when outcomes are combined: the worst one describes
	 * a scenario. FAIL is the worst, since something arrived and was wrong; then ABORTED,
	 * TIMEOUT, SLOW, PENDING and PASS.
	 * @return the severity, higher is worse
	 */
	int severity() {
		return switch (this) {
			case PASS -> 0;
			case PENDING -> 1;
			case SLOW -> 2;
			case TIMEOUT -> 3;
			case ABORTED -> 4;
			case FAIL -> 5;
		};
	}

}

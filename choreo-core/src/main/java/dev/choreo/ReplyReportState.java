package dev.choreo;

/**
 * What became of a reply by the end of its scenario.
 *
 * @since 0.1.0
 */
public enum ReplyReportState {

	/**
	 * The reply was built and handed to the transport;
	 * {@link ReplyReport#replyPublished()} says whether the transport confirmed it.
	 */
	REPLIED("replied"),

	/** A trigger matched but the reply could not be built, stamped or published. */
	REPLY_FAILED("reply_failed"),

	/** Nothing arrived on the trigger topic under the scenario's correlation. */
	ARMED_NO_MATCH("armed_no_match"),

	/** Triggers arrived but none matched the reply's matcher. */
	ARMED_MATCHER_MISMATCHED("armed_matcher_mismatched");

	private final String value;

	ReplyReportState(String value) {
		this.value = value;
	}

	/**
	 * Return the lower-case value used in reports and logs.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}

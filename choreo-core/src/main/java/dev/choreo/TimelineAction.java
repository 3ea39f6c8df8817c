package dev.choreo;

/**
 * The kinds of event a scenario's timeline records.
 *
 * @since 0.1.0
 */
public enum TimelineAction {

	/**
	 * The scenario handed a message to the transport: recorded before the transport sends
	 * it, so it always comes before the deliveries it causes.
	 */
	PUBLISHED("published"),

	/**
	 * The transport reported a message of the scenario (or a reply) sent: acknowledged by
	 * the broker on transports that acknowledge.
	 */
	ACKNOWLEDGED("acknowledged"),

	/** The transport reported that a publish failed; the detail says why. */
	PUBLISH_FAILED("publish_failed"),

	/** A message on the scenario's correlation reached an expectation or a reply. */
	RECEIVED("received"),

	/** A message matched an expectation. */
	MATCHED("matched"),

	/**
	 * A message on the scenario's correlation did not match an expectation (a near-miss).
	 */
	MISMATCHED("mismatched"),

	/** The deadline resolved a pending expectation. */
	DEADLINE("deadline"),

	/**
	 * A reply was built and handed to the transport; its acknowledgement follows as
	 * {@link #ACKNOWLEDGED}.
	 */
	REPLIED("replied"),

	/** A reply could not be built or published; the detail says why. */
	REPLY_FAILED("reply_failed"),

	/** A transport lost its connection while the scenario ran. */
	TRANSPORT_DOWN("transport_down"),

	/** A transport got its connection back while the scenario ran. */
	TRANSPORT_UP("transport_up");

	private final String value;

	TimelineAction(String value) {
		this.value = value;
	}

	/**
	 * Return the lower-case value used in reports.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}

package dev.choreo;

import org.jspecify.annotations.Nullable;

/**
 * What one reply did during its scenario: frozen when {@code awaitAll} returns or the
 * scenario closes. Holds no payloads.
 *
 * @since 0.1.0
 */
public final class ReplyReport {

	private final String triggerHarness;

	private final String triggerTopic;

	private final String matcherDescription;

	private final String replyHarness;

	private final String replyTopic;

	private final ReplyReportState state;

	private final int candidateCount;

	private final int matchCount;

	private final boolean replyPublished;

	private final @Nullable String builderError;

	private final boolean correlationOverridden;

	ReplyReport(String triggerHarness, String triggerTopic, String matcherDescription, String replyHarness,
			String replyTopic, ReplyReportState state, int candidateCount, int matchCount, boolean replyPublished,
			@Nullable String builderError, boolean correlationOverridden) {
		this.triggerHarness = triggerHarness;
		this.triggerTopic = triggerTopic;
		this.matcherDescription = matcherDescription;
		this.replyHarness = replyHarness;
		this.replyTopic = replyTopic;
		this.state = state;
		this.candidateCount = candidateCount;
		this.matchCount = matchCount;
		this.replyPublished = replyPublished;
		this.builderError = builderError;
		this.correlationOverridden = correlationOverridden;
	}

	/**
	 * Return the name of the harness the trigger was awaited on.
	 * @return the harness name
	 */
	public String triggerHarness() {
		return this.triggerHarness;
	}

	/**
	 * Return the trigger topic.
	 * @return the topic
	 */
	public String triggerTopic() {
		return this.triggerTopic;
	}

	/**
	 * Return the description of the trigger matcher, {@code anyPayload()} when there was
	 * none.
	 * @return the description
	 */
	public String matcherDescription() {
		return this.matcherDescription;
	}

	/**
	 * Return the name of the harness the reply was published on.
	 * @return the harness name
	 */
	public String replyHarness() {
		return this.replyHarness;
	}

	/**
	 * Return the reply topic, or {@code <reply-to>} for replies sent to the trigger's
	 * reply address.
	 * @return the topic
	 */
	public String replyTopic() {
		return this.replyTopic;
	}

	/**
	 * Return the final state.
	 * @return the state
	 */
	public ReplyReportState state() {
		return this.state;
	}

	/**
	 * Return how many messages on the scenario's correlation arrived on the trigger
	 * topic, before and after the reply fired.
	 * @return the number of candidates
	 */
	public int candidateCount() {
		return this.candidateCount;
	}

	/**
	 * Return how many triggers matched: 0 or 1, since a reply fires once.
	 * @return the number of matches
	 */
	public int matchCount() {
		return this.matchCount;
	}

	/**
	 * Return whether the transport reported the reply sent.
	 * @return whether the reply was published
	 */
	public boolean replyPublished() {
		return this.replyPublished;
	}

	/**
	 * Return the class name of what made the reply fail, never its message.
	 * @return the class name, or {@code null}
	 */
	public @Nullable String builderError() {
		return this.builderError;
	}

	/**
	 * Return whether the builder set a correlation id other than the scenario's (the
	 * reply was still published).
	 * @return whether the correlation id was overridden
	 */
	public boolean correlationOverridden() {
		return this.correlationOverridden;
	}

	@Override
	public String toString() {
		return "ReplyReport[trigger=" + this.triggerTopic + ", reply=" + this.replyTopic + ", state="
				+ this.state.value() + "]";
	}

}

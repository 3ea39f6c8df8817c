package dev.choreo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.correlation.Envelope;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staged reply at run time: armed until a matching trigger of its scope arrives, then
 * replied or failed, once. The state moves from ARMED before the builder runs, so a
 * builder that republishes on its own trigger topic cannot fire the reply again. Builders
 * and publishes run without the scope's lock.
 */
final class Reply implements Interest {

	private static final Logger logger = LoggerFactory.getLogger(ReplyChain.class);

	static final String REPLY_TO = "<reply-to>";

	enum State {

		ARMED, REPLIED, FAILED

	}

	private final Scope scope;

	private final Binding trigger;

	private final String triggerTopic;

	private final MessageMatcher matcher;

	private final String matcherDescription;

	private final Binding target;

	private final @Nullable String replyTopic;

	private final ReplyBuilder builder;

	private final AtomicReference<State> state = new AtomicReference<>(State.ARMED);

	private int candidates;

	private int matches;

	private boolean published;

	private @Nullable String builderError;

	private boolean overridden;

	Reply(Scope scope, Binding trigger, String triggerTopic, MessageMatcher matcher, Binding target,
			@Nullable String replyTopic, ReplyBuilder builder) {
		this.scope = scope;
		this.trigger = trigger;
		this.triggerTopic = triggerTopic;
		this.matcher = matcher;
		this.matcherDescription = matcher.description();
		this.target = target;
		this.replyTopic = replyTopic;
		this.builder = builder;
	}

	@Override
	public Binding binding() {
		return this.trigger;
	}

	@Override
	public String topic() {
		return this.triggerTopic;
	}

	String replyTopicLabel() {
		return (this.replyTopic != null) ? this.replyTopic : REPLY_TO;
	}

	@Override
	public void offer(Inbound inbound) {
		if (!claim(inbound)) {
			return;
		}
		Object out;
		try {
			out = this.builder.build(inbound.decoded());
		}
		catch (Exception ex) {
			fail(ex.getClass().getSimpleName(), "reply builder raised " + ex.getClass().getName() + " for trigger="
					+ this.triggerTopic + " reply=" + replyTopicLabel());
			return;
		}
		send(inbound.message(), out);
	}

	/**
	 * Count the candidate and, if it is the first matching one, move from ARMED to
	 * REPLIED.
	 */
	private boolean claim(Inbound inbound) {
		this.scope.lock.lock();
		try {
			this.scope.record(this.trigger, inbound.topic(), TimelineAction.RECEIVED, "reply:" + replyTopicLabel());
			this.candidates++;
			if (this.state.get() != State.ARMED || !matches(inbound)) {
				return false;
			}
			if (!this.state.compareAndSet(State.ARMED, State.REPLIED)) {
				return false;
			}
			this.matches++;
			return true;
		}
		finally {
			this.scope.lock.unlock();
		}
	}

	private boolean matches(Inbound inbound) {
		try {
			MatchResult result = this.matcher.matchMessage(inbound.view());
			return result != null && result.matched();
		}
		catch (RuntimeException | AssertionError ex) {
			logger.warn("Reply matcher for trigger={} raised {}; the message is not a trigger", this.triggerTopic,
					ex.getClass().getName());
			return false;
		}
	}

	private void send(TransportMessage triggerMessage, @Nullable Object out) {
		OutboundMessage message = (out instanceof OutboundMessage outbound) ? outbound : OutboundMessage.of(out);
		String topic = this.replyTopic;
		Map<String, String> headers = message.headers();
		if (topic == null) {
			topic = triggerMessage.replyTo();
			if (topic == null) {
				fail("MissingReplyAddress", "reply to trigger=" + this.triggerTopic + " failed: the trigger carried no"
						+ " reply address; respond() answers requests (a NATS request, an AMQP message with reply_to)");
				return;
			}
			Map<String, String> merged = new LinkedHashMap<>(
					this.target.harness().transport().replyHeaders(triggerMessage));
			merged.putAll(headers);
			headers = merged;
		}
		message = message.withPayloadAndHeaders(message.payload(), headers);
		try {
			message = stamp(topic, message);
		}
		catch (CorrelationIdNotInNamespaceException | CorrelationPolicyException ex) {
			fail(ex.getClass().getSimpleName(), "reply correlation refused for trigger=" + this.triggerTopic + " reply="
					+ topic + " (" + ex.getClass().getSimpleName() + ")");
			return;
		}
		publish(topic, message);
	}

	private OutboundMessage stamp(String topic, OutboundMessage message) {
		String id = this.target.wireId();
		Object payload = message.payload();
		CorrelationPolicy policy = this.target.harness().correlation();
		if (id == null || (payload instanceof byte[] && !policy.usesHeaders())) {
			return message;
		}
		Object plain = this.target.harness().codec().toPlain(payload);
		Envelope stamped = Scope.write(policy, new Envelope(topic, plain, message.headers()), id);
		String outgoing;
		try {
			outgoing = policy.read(stamped);
		}
		catch (RuntimeException ex) {
			throw new CorrelationPolicyException(policy, "read", ex);
		}
		if (outgoing != null && !outgoing.equals(id)) {
			markOverridden(topic);
		}
		return message.withPayloadAndHeaders(stamped.payload(), stamped.headers());
	}

	private void markOverridden(String topic) {
		this.scope.lock.lock();
		try {
			this.overridden = true;
		}
		finally {
			this.scope.lock.unlock();
		}
		logger.warn("Reply correlation id overridden: trigger={} reply={} (the outgoing value is not logged; see"
				+ " the report's correlation_overridden flag)", this.triggerTopic, topic);
	}

	private void publish(String topic, OutboundMessage message) {
		Harness harness = this.target.harness();
		byte[] bytes;
		try {
			bytes = harness.encode(message.payload());
		}
		catch (RuntimeException ex) {
			fail(ex.getClass().getSimpleName(), "reply to trigger=" + this.triggerTopic + " could not be encoded ("
					+ ex.getClass().getName() + ")");
			return;
		}
		TransportMessage wire = new TransportMessage(topic, bytes, message.headers(), message.key(), message.replyTo());
		try {
			harness.publishChecked(wire, new PublishCallback() {

				@Override
				public void onSent() {
					replied();
				}

				@Override
				public void onError(Throwable error) {
					fail(error.getClass().getSimpleName(), "reply publish to '" + topic + "' on harness '"
							+ harness.name() + "' failed (" + error.getClass().getName() + ")");
				}

			});
		}
		catch (RuntimeException ex) {
			fail(ex.getClass().getSimpleName(), "reply publish to '" + topic + "' on harness '" + harness.name()
					+ "' failed (" + ex.getClass().getName() + ")");
		}
	}

	private void replied() {
		this.scope.lock.lock();
		try {
			this.published = true;
			this.scope.record(this.trigger, this.triggerTopic, TimelineAction.REPLIED, "reply=" + replyTopicLabel());
		}
		finally {
			this.scope.lock.unlock();
		}
	}

	private void fail(String errorClass, String logMessage) {
		this.scope.lock.lock();
		try {
			this.state.set(State.FAILED);
			this.builderError = errorClass;
			this.scope.record(this.trigger, this.triggerTopic, TimelineAction.REPLY_FAILED,
					"reply=" + replyTopicLabel() + " error=" + errorClass);
		}
		finally {
			this.scope.lock.unlock();
		}
		logger.error(logMessage);
	}

	/**
	 * Freeze the reply's state into a report. Called with the scope's lock held.
	 */
	ReplyReport report() {
		State current = java.util.Objects.requireNonNull(this.state.get());
		ReplyReportState reportState = switch (current) {
			case FAILED -> ReplyReportState.REPLY_FAILED;
			case REPLIED -> ReplyReportState.REPLIED;
			case ARMED ->
				(this.candidates == 0) ? ReplyReportState.ARMED_NO_MATCH : ReplyReportState.ARMED_MATCHER_MISMATCHED;
		};
		return new ReplyReport(this.trigger.harnessName(), this.triggerTopic, this.matcherDescription,
				this.target.harnessName(), replyTopicLabel(), reportState, this.candidates, this.matches,
				this.published, this.builderError, this.overridden);
	}

	boolean isArmed() {
		return this.state.get() == State.ARMED;
	}

	int candidates() {
		return this.candidates;
	}

	String matcherDescription() {
		return this.matcherDescription;
	}

}

package dev.choreo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staged reply at run time: armed until a matching trigger of its scope arrives, then
 * sending, then replied (the transport confirmed it) or failed, once. The state moves
 * from ARMED before the builder runs, so a builder that republishes on its own trigger
 * topic cannot fire the reply again. The matcher, the builder and the publish run in the
 * scope's lane (never on a transport's delivery thread, never under a lock); a failure
 * anywhere is recorded against the reply and fails the scenario.
 */
final class Reply implements Interest {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(ReplyChain.class);

		private Log() {
		}

	}

	static final String REPLY_TO = "<reply-to>";

	enum State {

		ARMED, SENDING, REPLIED, FAILED

	}

	private final Scope scope;

	private final Binding trigger;

	private final String triggerTopic;

	private final MessageMatcher matcher;

	private final String matcherDescription;

	private final Binding target;

	private final @Nullable String replyTopic;

	private final ReplyBuilder builder;

	private final boolean optional;

	private final AtomicReference<State> state = new AtomicReference<>(State.ARMED);

	private final AtomicInteger candidates = new AtomicInteger();

	private volatile int matches;

	private volatile boolean published;

	private volatile @Nullable String builderError;

	private volatile boolean overridden;

	Reply(Scope scope, Binding trigger, String triggerTopic, MessageMatcher matcher, Binding target,
			@Nullable String replyTopic, ReplyBuilder builder, boolean optional) {
		this.scope = scope;
		this.trigger = trigger;
		this.triggerTopic = triggerTopic;
		this.matcher = matcher;
		this.matcherDescription = Expectation.safeDescription(matcher);
		this.target = target;
		this.replyTopic = replyTopic;
		this.builder = builder;
		this.optional = optional;
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
		this.scope.record(this.trigger, inbound.topic(), TimelineAction.RECEIVED, "reply:" + replyTopicLabel());
		this.candidates.incrementAndGet();
		if (this.state.get() != State.ARMED || !matches(inbound)
				|| !this.state.compareAndSet(State.ARMED, State.SENDING)) {
			return;
		}
		this.matches = 1;
		Object out;
		try {
			out = this.builder.build(Payloads.copy(inbound.decoded()));
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			fail(ex, "reply builder raised " + ex.getClass().getName() + " for trigger=" + this.triggerTopic + " reply="
					+ replyTopicLabel(), "reply builder raised " + UserCode.describe(ex));
			return;
		}
		send(inbound.message(), out);
	}

	private boolean matches(Inbound inbound) {
		try {
			MatchResult result = this.matcher.matchMessage(inbound.view());
			return result != null && result.matched();
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.warn("Reply matcher for trigger={} raised {}; the message is not a trigger", this.triggerTopic,
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
				String why = "the trigger carried no reply address; respond() answers requests (a NATS request, an"
						+ " AMQP message with reply_to)";
				fail("MissingReplyAddress", "MissingReplyAddress",
						"reply to trigger=" + this.triggerTopic + " failed: " + why, why);
				return;
			}
			Map<String, String> merged = new LinkedHashMap<>(
					this.target.harness().transport().replyHeaders(triggerMessage));
			merged.putAll(headers);
			headers = merged;
		}
		message = message.withPayloadAndHeaders(message.payload(), headers);
		Harness harness = this.target.harness();
		TransportMessage wire;
		try {
			Stamping.Stamped stamped = Stamping.stamp(harness, topic, message, this.target.wireId());
			if (stamped.overridden()) {
				markOverridden(topic);
			}
			OutboundMessage outbound = stamped.message();
			wire = new TransportMessage(topic, harness.encode(outbound.payload()), outbound.headers(), outbound.key(),
					outbound.replyTo());
		}
		catch (CorrelationIdNotInNamespaceException | CorrelationPolicyException ex) {
			fail(ex, "reply correlation refused for trigger=" + this.triggerTopic + " reply=" + topic + " ("
					+ ex.getClass().getSimpleName() + ")",
					"its correlation id was refused (" + ex.getClass().getSimpleName() + ")");
			return;
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			fail(ex, "reply to trigger=" + this.triggerTopic + " could not be encoded (" + ex.getClass().getName()
					+ ")", "it could not be encoded: " + UserCode.describe(ex));
			return;
		}
		publish(harness, topic, wire);
	}

	private void markOverridden(String topic) {
		this.overridden = true;
		Log.logger.warn("Reply correlation id overridden: trigger={} reply={} (the outgoing value is not logged; see"
				+ " the report's correlation_overridden flag)", this.triggerTopic, topic);
	}

	private void publish(Harness harness, String topic, TransportMessage wire) {
		this.scope.record(this.trigger, this.triggerTopic, TimelineAction.REPLIED, "reply=" + replyTopicLabel());
		try {
			harness.publishChecked(wire, new PublishCallback() {

				@Override
				public void onSent() {
					sent(topic);
				}

				@Override
				public void onError(Throwable error) {
					publishFailed(harness, topic, error);
				}

			});
		}
		catch (RuntimeException ex) {
			publishFailed(harness, topic, ex);
		}
	}

	private void publishFailed(Harness harness, String topic, Throwable error) {
		fail(error,
				"reply publish to '" + topic + "' on harness '" + harness.name() + "' failed ("
						+ error.getClass().getName() + ")",
				"publishing it to '" + topic + "' on harness '" + harness.name() + "' failed: "
						+ UserCode.describe(error));
	}

	private void sent(String topic) {
		this.published = true;
		if (this.state.compareAndSet(State.SENDING, State.REPLIED)) {
			this.scope.record(this.target, topic, TimelineAction.ACKNOWLEDGED, "reply");
			this.scope.replySettled();
		}
	}

	private void fail(Throwable error, String logMessage, String why) {
		String message = UserCode.message(error);
		String simpleName = error.getClass().getSimpleName();
		fail(simpleName, (message != null) ? simpleName + ": " + message : simpleName, logMessage, why);
	}

	/**
	 * Record the failure against the reply: its report keeps the error's class only, the
	 * log line names classes only (so no payload data reaches a log), and the scenario's
	 * problem and timeline say why, scrubbed of secrets.
	 */
	private void fail(String errorClass, String error, String logMessage, String why) {
		this.state.set(State.FAILED);
		this.builderError = errorClass;
		String problem = "reply to '" + this.triggerTopic + "' -> '" + replyTopicLabel() + "' failed: " + why;
		this.scope.problem(this.trigger, this.triggerTopic, TimelineAction.REPLY_FAILED, problem,
				"reply=" + replyTopicLabel() + " error=" + error);
		this.scope.replySettled();
		Log.logger.error(logMessage);
	}

	/**
	 * Say why a reply that must fire never did, for the scenario's problems.
	 */
	String neverTriggered() {
		int seen = this.candidates.get();
		String why = (seen == 0) ? "no message of this scenario arrived on '" + this.triggerTopic + "'"
				: Texts.plural(seen, "message", "messages") + " of this scenario arrived on '" + this.triggerTopic
						+ "' but its matcher refused " + ((seen == 1) ? "it" : "them");
		return "reply to '" + this.triggerTopic + "' -> '" + replyTopicLabel() + "' was never triggered: " + why
				+ "; declare it optional() if the flow may not call it";
	}

	/**
	 * Freeze the reply's state into a report.
	 */
	ReplyReport report() {
		State current = Objects.requireNonNull(this.state.get());
		int seen = this.candidates.get();
		ReplyReportState reportState = switch (current) {
			case FAILED -> ReplyReportState.REPLY_FAILED;
			case REPLIED, SENDING -> ReplyReportState.REPLIED;
			case ARMED -> (seen == 0) ? ReplyReportState.ARMED_NO_MATCH : ReplyReportState.ARMED_MATCHER_MISMATCHED;
		};
		return new ReplyReport(this.trigger.harnessName(), this.triggerTopic, this.matcherDescription,
				this.target.harnessName(), replyTopicLabel(), reportState, seen, this.matches, this.published,
				this.builderError, this.overridden);
	}

	boolean isArmed() {
		return this.state.get() == State.ARMED;
	}

	boolean isOptional() {
		return this.optional;
	}

	/**
	 * Return whether {@code awaitAll} waits for this reply: it is being sent, or it must
	 * fire and has not yet.
	 */
	boolean isAwaited() {
		State current = this.state.get();
		return current == State.SENDING || (current == State.ARMED && !this.optional);
	}

	int candidates() {
		return this.candidates.get();
	}

	String matcherDescription() {
		return this.matcherDescription;
	}

}

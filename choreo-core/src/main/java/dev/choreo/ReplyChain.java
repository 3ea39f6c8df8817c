package dev.choreo;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.match.MessageMatcher;
import org.jspecify.annotations.Nullable;

/**
 * The second half of {@code on(trigger)}: what to publish when the trigger arrives.
 * Stages a fake upstream service inside a test. Each chain takes exactly one reply, which
 * fires once per scenario, for the scenario's own messages only; the reply is stamped
 * with the scenario's correlation id. <pre class="code">
 * scenario.on("payments.requested", fieldEquals("currency", "EUR"))
 *     .publish("payments.settled", (trigger) -&gt; Map.of("status", "SETTLED"));
 * scenario.on("fraud.check").respond(Map.of("decision", "APPROVE"));   // to the request's reply address
 * scenario.on("audit.requested").optional().publish("audit.done", Map.of());
 * </pre> A reply is something the scenario checks: a fake that nobody called is usually
 * the bug under test, so a reply still armed when {@code awaitAll} returns fails the
 * scenario (and {@code awaitAll} waits for it until the deadline), unless it was declared
 * {@link #optional()}. A reply whose builder throws (an {@code AssertionError} included)
 * or whose publish fails fails the scenario too. An {@code on(...)} left without a reply
 * is an error at the first publish.
 *
 * @param <S> the scenario type the chain returns to
 * @since 0.1.0
 */
public final class ReplyChain<S> {

	private final S owner;

	private final Scope scope;

	private final Binding trigger;

	private final String triggerTopic;

	private final MessageMatcher matcher;

	private final AtomicBoolean bound = new AtomicBoolean();

	private volatile boolean optional;

	ReplyChain(S owner, Scope scope, Binding trigger, String triggerTopic, MessageMatcher matcher) {
		this.owner = owner;
		this.scope = scope;
		this.trigger = trigger;
		this.triggerTopic = triggerTopic;
		this.matcher = matcher;
	}

	/**
	 * Declare the reply optional: the flow may or may not call it, so a reply that never
	 * fires does not fail the scenario, and {@code awaitAll} does not wait for it. Call
	 * it before the reply.
	 * @return this chain
	 */
	public ReplyChain<S> optional() {
		this.optional = true;
		return this;
	}

	/**
	 * Publish a fixed payload on a topic of the trigger's harness.
	 * @param topic the reply topic
	 * @param payload the payload; a {@code Map} is copied each time
	 * @return the scenario
	 */
	public S publish(String topic, @Nullable Object payload) {
		return bind(this.trigger, requireTopic(topic), (trigger) -> payload);
	}

	/**
	 * Publish a payload built from the trigger on a topic of the trigger's harness.
	 * @param topic the reply topic
	 * @param builder builds the payload from the decoded trigger
	 * @return the scenario
	 */
	public S publish(String topic, ReplyBuilder builder) {
		return bind(this.trigger, requireTopic(topic), Objects.requireNonNull(builder, "builder"));
	}

	/**
	 * Publish a fixed payload on a topic of another harness of the stage.
	 * @param harness the name of the harness to publish on
	 * @param topic the reply topic
	 * @param payload the payload
	 * @return the scenario
	 */
	public S publishOn(String harness, String topic, @Nullable Object payload) {
		return bind(target(harness), requireTopic(topic), (trigger) -> payload);
	}

	/**
	 * Publish a payload built from the trigger on a topic of another harness of the
	 * stage.
	 * @param harness the name of the harness to publish on
	 * @param topic the reply topic
	 * @param builder builds the payload from the decoded trigger
	 * @return the scenario
	 */
	public S publishOn(String harness, String topic, ReplyBuilder builder) {
		return bind(target(harness), requireTopic(topic), Objects.requireNonNull(builder, "builder"));
	}

	/**
	 * Look the target harness up; a name the scenario does not know ends the chain, since
	 * the caller was told at once.
	 */
	private Binding target(String harness) {
		try {
			return this.scope.binding(harness);
		}
		catch (IllegalArgumentException ex) {
			this.scope.abandon(this);
			throw ex;
		}
	}

	/**
	 * Answer a request: publish a fixed payload to the trigger's reply address (a NATS
	 * request's inbox, an AMQP {@code reply_to}, a Kafka replying template's reply
	 * topic).
	 * @param payload the payload
	 * @return the scenario
	 */
	public S respond(@Nullable Object payload) {
		return bind(this.trigger, null, (trigger) -> payload);
	}

	/**
	 * Answer a request with a payload built from it, sent to the trigger's reply address.
	 * @param builder builds the payload from the decoded trigger
	 * @return the scenario
	 */
	public S respond(ReplyBuilder builder) {
		return bind(this.trigger, null, Objects.requireNonNull(builder, "builder"));
	}

	private static String requireTopic(String topic) {
		Objects.requireNonNull(topic, "topic");
		if (topic.isEmpty()) {
			throw new IllegalArgumentException("A reply topic must not be empty");
		}
		return topic;
	}

	private S bind(Binding target, @Nullable String replyTopic, ReplyBuilder builder) {
		if (!this.bound.compareAndSet(false, true)) {
			throw new ReplyAlreadyBoundException(this.triggerTopic);
		}
		this.scope.addReply(this, new Reply(this.scope, this.trigger, this.triggerTopic, this.matcher, target,
				replyTopic, builder, this.optional));
		return this.owner;
	}

	String topic() {
		return this.triggerTopic;
	}

}

package dev.choreo;

import java.time.Duration;

import dev.choreo.match.MessageMatcher;
import dev.choreo.match.Matchers;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scenario} across the harnesses of a {@link Stage}: every step names the
 * harness it runs on. One timeline, one deadline.
 *
 * @since 0.1.0
 */
public final class StageScenario implements AutoCloseable {

	private final Scope scope;

	private final Duration defaultTimeout;

	StageScenario(Scope scope, Duration defaultTimeout) {
		this.scope = scope;
		this.defaultTimeout = defaultTimeout;
	}

	/**
	 * Expect a message on a topic of a harness, whatever it contains.
	 * @param harness the harness name
	 * @param topic the topic
	 * @return the handle
	 */
	public Handle expect(String harness, String topic) {
		return expect(harness, topic, Matchers.anyPayload());
	}

	/**
	 * Expect a matching message on a topic of a harness.
	 * @param harness the harness name
	 * @param topic the topic
	 * @param matcher what the message must satisfy
	 * @return the handle
	 * @see Scenario#expect(String, MessageMatcher)
	 */
	public Handle expect(String harness, String topic, MessageMatcher matcher) {
		return this.scope.expect(this.scope.binding(harness), topic, matcher, null, false);
	}

	/**
	 * Expect a message whose payload decodes into a type and satisfies a matcher.
	 * @param harness the harness name
	 * @param topic the topic
	 * @param type the payload type
	 * @param matcher what the decoded payload must satisfy
	 * @return the handle
	 * @see Scenario#expect(String, Class, MessageMatcher)
	 */
	public Handle expect(String harness, String topic, Class<?> type, MessageMatcher matcher) {
		return this.scope.expect(this.scope.binding(harness), topic, matcher, type, false);
	}

	/**
	 * Expect that no matching message arrives on a topic of a harness within a window
	 * after the trigger (1 second, or what {@link Handle#during(Duration)} sets).
	 * @param harness the harness name
	 * @param topic the topic
	 * @param matcher what must not arrive
	 * @return the handle
	 * @see Scenario#expectNone(String, MessageMatcher)
	 */
	public Handle expectNone(String harness, String topic, MessageMatcher matcher) {
		return this.scope.expect(this.scope.binding(harness), topic, matcher, null, true);
	}

	/**
	 * Stage a reply to any message of this scenario on a trigger topic of a harness.
	 * @param harness the harness the trigger arrives on
	 * @param topic the trigger topic
	 * @return the chain that takes the reply; use {@code publishOn} to reply on another
	 * harness
	 */
	public ReplyChain<StageScenario> on(String harness, String topic) {
		return this.scope.on(this, this.scope.binding(harness), topic, null);
	}

	/**
	 * Stage a reply to the first matching message of this scenario on a trigger topic.
	 * @param harness the harness the trigger arrives on
	 * @param topic the trigger topic
	 * @param matcher what the trigger must satisfy
	 * @return the chain that takes the reply
	 */
	public ReplyChain<StageScenario> on(String harness, String topic, MessageMatcher matcher) {
		return this.scope.on(this, this.scope.binding(harness), topic, matcher);
	}

	/**
	 * Publish a message on a harness, stamped with that harness's correlation id.
	 * @param harness the harness name
	 * @param topic the topic
	 * @param payload the payload
	 * @return this scenario
	 * @see Scenario#publish(String, Object)
	 */
	public StageScenario publish(String harness, String topic, @Nullable Object payload) {
		this.scope.publish(this.scope.binding(harness), topic, payload);
		return this;
	}

	/**
	 * Start the flow some other way. Counts as a publish.
	 * @param action what starts the flow
	 * @return this scenario
	 */
	public StageScenario trigger(Runnable action) {
		this.scope.trigger(action);
		return this;
	}

	/**
	 * Wait until every expectation on every harness has resolved or the timeout has
	 * passed.
	 * @param timeout how long to wait
	 * @return the result
	 * @see Scenario#awaitAll(Duration)
	 */
	public ScenarioResult awaitAll(Duration timeout) {
		return this.scope.awaitAll(timeout);
	}

	/**
	 * Wait with the stage's default timeout.
	 * @return the result
	 */
	public ScenarioResult awaitAll() {
		return this.scope.awaitAll(this.defaultTimeout);
	}

	/**
	 * Return the scenario name.
	 * @return the name
	 */
	public String name() {
		return this.scope.name();
	}

	/**
	 * Return the logical correlation id.
	 * @return the id, or {@code null} when no harness correlates
	 */
	public @Nullable String correlationId() {
		return this.scope.correlationId();
	}

	/**
	 * Return the correlation id the scenario carries on one harness.
	 * @param harness the harness name
	 * @return the id, or {@code null} when that harness does not correlate
	 */
	public @Nullable String correlationId(String harness) {
		return this.scope.binding(harness).wireId();
	}

	/**
	 * Tell the scenario that the test raised an exception, so that {@link #close()} can
	 * say so.
	 * @param cause what the test raised
	 * @see Scenario#abort(Throwable)
	 */
	public void abort(Throwable cause) {
		this.scope.abort(cause);
	}

	/**
	 * Release the scenario's subscriptions on every harness.
	 */
	@Override
	public void close() {
		this.scope.close();
	}

	@Override
	public String toString() {
		return "StageScenario[name=" + this.scope.name() + "]";
	}

}

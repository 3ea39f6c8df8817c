package dev.choreo;

import java.time.Duration;

import dev.choreo.match.MessageMatcher;
import dev.choreo.match.Matchers;
import org.jspecify.annotations.Nullable;

/**
 * One test's conversation with the system under test: declare the messages you expect,
 * stage the replies of fake upstream services, publish the message that starts it all,
 * then wait. <pre class="code">
 * try (Scenario s = harness.scenario("order-settles")) {
 *     Handle settled = s.expect("orders.settled", containsFields(Map.of("status", "SETTLED")))
 *         .within(Duration.ofMillis(50));
 *     s.on("fraud.check").publish("fraud.result", (trigger) -&gt; Map.of("decision", "APPROVE"));
 *     s.publish("orders.created", Map.of("order_id", "ORD-42", "qty", 3))
 *         .awaitAll(Duration.ofMillis(500))
 *         .assertPassed();
 * }
 * </pre> A scenario moves through three states. While <em>building</em>, {@code expect}
 * and {@code on} register expectations and replies, each live on the broker before the
 * call returns. The first {@code publish} (or {@code trigger}) moves it to
 * <em>triggered</em>, where only more publishes and {@code awaitAll} are allowed. A step
 * out of order throws an {@link IllegalScenarioStateException} that says what to do
 * instead, and so does a first publish when the scenario has nothing to check. Closing
 * the scenario releases its subscriptions; expectations still pending are
 * {@link Outcome#ABORTED}.
 * <p>
 * Latencies are measured from the trigger, the first {@code publish} or {@code trigger}.
 * A scenario passes only when something was tested: every expectation passed, every
 * publish went out, no harness lost its connection after the trigger (or was still
 * without one at it), and every reply that had to fire did. An outage that ended before
 * the trigger is only on the timeline: nothing of the scenario was sent yet, and
 * {@code expect} and {@code on} wait for the reconnect before they return.
 * <p>
 * With a correlating harness, the scenario's id is stamped on every message it publishes
 * and only messages carrying that id reach its expectations, so scenarios running in
 * parallel on a shared broker never see each other's traffic; a message without any id
 * counts for none of them (unless the harness broadcasts such messages), and a timeout
 * next to such messages says the service may be dropping the id.
 *
 * @since 0.1.0
 */
public final class Scenario implements AutoCloseable {

	private final Scope scope;

	private final Binding binding;

	private final Harness harness;

	Scenario(Scope scope, Harness harness) {
		this.scope = scope;
		this.binding = scope.onlyBinding();
		this.harness = harness;
	}

	/**
	 * Expect a message on a topic, whatever it contains.
	 * @param topic the topic
	 * @return the handle to read the outcome from
	 */
	public Handle expect(String topic) {
		return expect(topic, Matchers.anyPayload());
	}

	/**
	 * Expect a matching message on a topic. The subscription is live when this returns.
	 * @param topic the topic (a pattern where the transport supports wildcards)
	 * @param matcher what the message must satisfy
	 * @return the handle to read the outcome from
	 * @throws IllegalScenarioStateException after the first publish
	 */
	public Handle expect(String topic, MessageMatcher matcher) {
		return this.scope.expect(this.binding, topic, matcher, null, false);
	}

	/**
	 * Expect a message on a topic whose payload decodes into a type and satisfies a
	 * matcher, typically {@link Matchers#satisfies(java.util.function.Consumer)}. A
	 * payload that does not decode is a near-miss.
	 * @param topic the topic
	 * @param type the payload type, such as a record
	 * @param matcher what the decoded payload must satisfy
	 * @return the handle to read the outcome from
	 */
	public Handle expect(String topic, Class<?> type, MessageMatcher matcher) {
		return this.scope.expect(this.binding, topic, matcher, type, false);
	}

	/**
	 * Expect that no matching message arrives on a topic within a window after the
	 * trigger: 1 second, or what {@link Handle#during(Duration)} sets. The handle passes
	 * when the window ends (or at the deadline, if that comes first), or fails as soon as
	 * a matching message arrives; {@code awaitAll} waits for the window, not for its
	 * whole timeout.
	 * @param topic the topic
	 * @param matcher what must not arrive
	 * @return the handle to read the outcome from
	 */
	public Handle expectNone(String topic, MessageMatcher matcher) {
		return this.scope.expect(this.binding, topic, matcher, null, true);
	}

	/**
	 * Stage a reply to any message of this scenario on a trigger topic.
	 * @param topic the trigger topic
	 * @return the chain that takes the reply
	 */
	public ReplyChain<Scenario> on(String topic) {
		return this.scope.on(this, this.binding, topic, null);
	}

	/**
	 * Stage a reply to the first matching message of this scenario on a trigger topic.
	 * @param topic the trigger topic
	 * @param matcher what the trigger must satisfy
	 * @return the chain that takes the reply
	 */
	public ReplyChain<Scenario> on(String topic, MessageMatcher matcher) {
		return this.scope.on(this, this.binding, topic, matcher);
	}

	/**
	 * Publish a message, stamped with the scenario's correlation id.
	 * @param topic the topic
	 * @param payload the payload: a {@code Map}, a record or bean, a {@code String} (sent
	 * as its text; a JSON object gets the id field), a {@code byte[]} (sent unchanged,
	 * stamped only by a header policy) or an {@link OutboundMessage}
	 * @return this scenario
	 * @throws IllegalScenarioStateException when the scenario has nothing to check yet,
	 * or an {@code on(...)} has no reply
	 */
	public Scenario publish(String topic, @Nullable Object payload) {
		this.scope.publish(this.binding, topic, payload);
		return this;
	}

	/**
	 * Start the flow some other way, for example by calling the service under test
	 * directly. Counts as a publish: latencies are measured from the moment it starts.
	 * @param action what starts the flow
	 * @return this scenario
	 * @throws IllegalScenarioStateException when the scenario has nothing to check yet,
	 * or an {@code on(...)} has no reply
	 */
	public Scenario trigger(Runnable action) {
		this.scope.trigger(action);
		return this;
	}

	/**
	 * Wait until every expectation has resolved, every {@code expectNone} window has
	 * ended and every reply that must fire has been sent, or the timeout has passed, then
	 * resolve what is still pending (FAIL when near-misses arrived, TIMEOUT when nothing
	 * did). Never throws on timeout: read or assert the result.
	 * @param timeout how long to wait, measured from this call
	 * @return the result
	 * @throws IllegalScenarioStateException before the first publish
	 */
	public ScenarioResult awaitAll(Duration timeout) {
		return this.scope.awaitAll(timeout);
	}

	/**
	 * Wait with the harness's default timeout.
	 * @return the result
	 * @see #awaitAll(Duration)
	 */
	public ScenarioResult awaitAll() {
		return this.scope.awaitAll(this.harness.defaultTimeout());
	}

	/**
	 * Return the scenario name.
	 * @return the name
	 */
	public String name() {
		return this.scope.name();
	}

	/**
	 * Return the scenario's correlation id.
	 * @return the id, or {@code null} when the harness does not correlate
	 */
	public @Nullable String correlationId() {
		return this.scope.correlationId();
	}

	/**
	 * Tell the scenario that the test raised an exception, so that {@link #close()} can
	 * say so: before {@code awaitAll}, pending expectations are reported as aborted by
	 * that exception's class; after it, the exception is logged as raised after the
	 * result was reported. Test extensions call this; with try-with-resources, call it
	 * from a {@code catch} block before rethrowing. Only the exception's class name is
	 * kept.
	 * @param cause what the test raised
	 */
	public void abort(Throwable cause) {
		this.scope.abort(cause);
	}

	/**
	 * Release the scenario's subscriptions. Expectations still pending become
	 * {@link Outcome#ABORTED}. Calling it again does nothing.
	 */
	@Override
	public void close() {
		this.scope.close();
	}

	Scope scope() {
		return this.scope;
	}

	@Override
	public String toString() {
		return "Scenario[name=" + this.scope.name() + ", harness=" + this.harness.name() + "]";
	}

}

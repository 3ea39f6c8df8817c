package dev.choreo.transport.tck;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.TimelineAction;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fault contract, proven against a broker the test can stop and start: a broker that
 * stops mid-scenario is reported in the result, and once it is back the same harness
 * works again. While the broker is down the harness and its transport say they are not
 * connected; an expectation made while the broker is down, or as soon as it is back, goes
 * live once the transport has reconnected; subscriptions made before the outage deliver
 * again without being made anew; and with the broker left down {@code expect()} fails
 * after the subscribe timeout, saying how long the broker has been unreachable and what
 * the transport last met.
 */
public abstract class BrokerFaultContractTests {

	/**
	 * Return the broker the test controls, started.
	 * @return the broker
	 */
	protected abstract BrokerProcess broker();

	/**
	 * Return a new, unconnected transport to {@link #broker()}, configured to reconnect.
	 * @return the transport
	 */
	protected abstract Transport transport();

	/**
	 * Return a unique topic name in the broker's naming style.
	 * @param base a readable base
	 * @return the topic
	 */
	protected String topic(String base) {
		return "choreo.tck.fault." + base + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Return how long the harness may take to work again after the broker is back.
	 * @return the recovery time
	 */
	protected Duration recovery() {
		return Duration.ofSeconds(30);
	}

	/**
	 * Return what the transport reports as the last error while its broker is down, as a
	 * regular expression: the end of the message {@code expect()} fails with when the
	 * broker stays unreachable.
	 * @return the regular expression
	 */
	protected abstract String lastErrorWhileDown();

	private Harness harness(Duration subscribeTimeout) {
		return Harness.builder(transport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.subscribeTimeout(subscribeTimeout)
			.build()
			.connect();
	}

	private void stopAndAwaitTheLoss(Harness harness) {
		broker().stop();
		assertThat(Waits.until(recovery(), () -> !harness.isConnected()))
			.as("harness.isConnected() is false while the broker is down")
			.isTrue();
		assertThat(harness.transport().isConnected()).as("the transport says it is not connected either").isFalse();
	}

	/**
	 * Return how long after a broker stops the transport is expected to have reported it:
	 * the scenario that meets the outage waits this long. Three seconds unless a
	 * transport notices an outage by probing, as Kafka's cluster watcher does.
	 * @return the time
	 */
	protected Duration outageNoticedWithin() {
		return Duration.ofSeconds(3);
	}

	@Test
	void reportsABrokerThatStopsMidScenarioAndWorksAgainOnceItIsBack() {
		try (Harness harness = Harness.builder(transport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect()) {
			String topic = topic("stop");
			ScenarioResult result;
			Handle handle;
			try (Scenario scenario = harness.scenario("broker-stops")) {
				handle = scenario.expect(topic, fieldEquals("n", 1));
				scenario.trigger(() -> {
					// nothing is sent: the broker stops before anything could arrive
				});
				broker().stop();
				result = scenario.awaitAll(outageNoticedWithin());
			}
			finally {
				broker().start();
			}
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.reason()).as("the outage comes first")
				.startsWith("harness '" + harness.name() + "' lost its connection at ");
			assertThat(result.passed()).isFalse();
			assertThat(result.problems()).anySatisfy((problem) -> assertThat(problem).contains("lost its connection"));
			assertThat(result.timeline()).anyMatch((entry) -> entry.action() == TimelineAction.TRANSPORT_DOWN);
			assertThat(result.failureSummary()).contains("Problems:").contains("lost its connection");
			boolean recovered = Waits.until(recovery(), () -> passes(harness, topic("back")));
			assertThat(recovered).as("a scenario passes on the same harness once the broker is back").isTrue();
		}
	}

	@Test
	void isNotConnectedWhileTheBrokerIsDownAndAScenarioStartedAsSoonAsItIsBackPasses() {
		try (Harness harness = harness(recovery())) {
			String kept = topic("kept");
			assertThat(passes(harness, kept)).as("a scenario passes before the outage").isTrue();
			int subscriptions = harness.transportSubscriptionCount();
			try {
				stopAndAwaitTheLoss(harness);
			}
			finally {
				broker().start();
			}
			assertThat(passes(harness, topic("back"))).as("a scenario started as soon as the broker is back passes")
				.isTrue();
			assertThat(harness.isConnected()).isTrue();
			assertThat(Waits.until(recovery(), () -> passes(harness, kept)))
				.as("the subscription made before the outage delivers again")
				.isTrue();
			assertThat(harness.transportSubscriptionCount()).as("without subscribing again")
				.isEqualTo(subscriptions + 1);
		}
	}

	@Test
	void anExpectationMadeWhileTheBrokerIsDownGoesLiveOnceItIsBack() throws Exception {
		try (Harness harness = harness(recovery())) {
			String topic = topic("while-down");
			ScenarioResult result;
			try (Scenario scenario = harness.scenario("expected-while-down")) {
				CompletableFuture<Handle> expecting;
				try {
					stopAndAwaitTheLoss(harness);
					expecting = CompletableFuture.supplyAsync(() -> scenario.expect(topic, fieldEquals("n", 3)));
					assertThat(expecting).as("expect() waits while the broker is down").isNotDone();
				}
				finally {
					broker().start();
				}
				Handle handle = expecting.get(recovery().toSeconds(), TimeUnit.SECONDS);
				result = scenario.publish(topic, Map.of("n", 3)).awaitAll(Duration.ofSeconds(10));
				assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			}
			result.assertPassed();
		}
	}

	@Test
	void expectFailsAfterTheSubscribeTimeoutSayingTheBrokerIsUnreachableWhileItStaysDown() {
		try (Harness harness = harness(Duration.ofSeconds(2))) {
			String topic = topic("down");
			try (Scenario scenario = harness.scenario("broker-down")) {
				stopAndAwaitTheLoss(harness);
				assertThatExceptionOfType(TransportException.class)
					.isThrownBy(() -> scenario.expect(topic, fieldEquals("n", 4)))
					.withMessageMatching(Pattern
						.quote("Could not subscribe to '" + topic + "' on harness '" + harness.name()
								+ "': the broker has been unreachable for ")
							+ "\\d+(\\.\\d)?m?s \\(since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z\\); last error: "
							+ lastErrorWhileDown());
			}
			finally {
				broker().start();
			}
			assertThat(Waits.until(recovery(), () -> passes(harness, topic))).as("the same topic works once it is back")
				.isTrue();
		}
	}

	private boolean passes(Harness harness, String topic) {
		try (Scenario scenario = harness.scenario("broker-back")) {
			scenario.expect(topic, fieldEquals("n", 2));
			return scenario.publish(topic, Map.of("n", 2)).awaitAll(Duration.ofSeconds(2)).passed();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}

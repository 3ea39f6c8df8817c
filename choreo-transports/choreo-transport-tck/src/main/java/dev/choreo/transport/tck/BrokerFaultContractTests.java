package dev.choreo.transport.tck;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.TimelineAction;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault contract, proven against a broker the test can stop and start: a broker that
 * stops mid-scenario is reported in the result, and once it is back the same harness
 * works again.
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
				scenario.publish(topic("elsewhere"), Map.of("n", 0));
				broker().stop();
				result = scenario.awaitAll(Duration.ofSeconds(3));
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

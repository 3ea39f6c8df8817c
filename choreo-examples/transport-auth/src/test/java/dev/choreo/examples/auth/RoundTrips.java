package dev.choreo.examples.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every transport's test does with its credentials: a scenario round trip through
 * the authenticating broker, and a refused log-on whose messages do not carry the
 * password.
 */
final class RoundTrips {

	private RoundTrips() {
	}

	/**
	 * Connect a harness over the transport, expect a message on a fresh topic, publish it
	 * and require the scenario to pass.
	 */
	static void roundTrip(Transport transport, String topicPrefix, String scenarioName) {
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario(scenarioName)) {
			assertThat(harness.isConnected()).isTrue();
			String topic = topicPrefix + UUID.randomUUID().toString().substring(0, 8);
			String orderId = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
			scenario.expect(topic, fieldEquals("orderId", orderId));
			scenario.publish(topic, Map.of("orderId", orderId)).awaitAll(Duration.ofSeconds(15)).assertPassed();
		}
	}

	/**
	 * Connecting with a wrong password fails, and neither the failure (with its causes)
	 * nor the transport's description contains the password.
	 */
	static Throwable assertRefusedWithoutTheSecret(Transport transport, String wrongPassword) {
		Harness harness = Harness.builder(transport).build();
		Throwable failure = catchThrowable(harness::connect);
		assertThat(failure).as("connecting with a wrong password").isNotNull();
		assertThat(harness.isConnected()).isFalse();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.toString()).doesNotContain(wrongPassword);
		}
		assertThat(transport.toString()).doesNotContain(wrongPassword);
		harness.close();
		return failure;
	}

}

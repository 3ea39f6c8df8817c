package dev.choreo.transport.tck;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.TransportAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The authentication contract, proven against a broker that requires credentials: valid
 * ones work whether given literally or by a resolver called at connect, wrong ones fail
 * with a clear message that carries no secret, credentials are cleared after use, and a
 * reconnect authenticates again.
 */
public abstract class AuthContractTests {

	/**
	 * Return a new, unconnected transport to the authenticating broker.
	 * @param auth the credentials
	 * @return the transport
	 */
	protected abstract Transport transportWith(AuthResolver<?> auth);

	/**
	 * Return new valid credentials.
	 * @return the credentials
	 */
	protected abstract TransportAuth validCredentials();

	/**
	 * Return new credentials the broker refuses.
	 * @return the credentials
	 */
	protected abstract TransportAuth wrongCredentials();

	/**
	 * Return the secret inside {@link #wrongCredentials()}, which must never appear in a
	 * message.
	 * @return the secret
	 */
	protected abstract String wrongSecret();

	/**
	 * Return a unique topic name in the broker's naming style.
	 * @param base a readable base
	 * @return the topic
	 */
	protected String topic(String base) {
		return "choreo.tck.auth." + base + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	private void roundTrip(Transport transport) {
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("auth")) {
			String topic = topic("round-trip");
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

	@Test
	void connectsWithLiteralCredentialsAndClearsThem() {
		TransportAuth credentials = validCredentials();
		roundTrip(transportWith(AuthResolver.of(credentials)));
		assertThat(credentials.isConsumed()).isTrue();
	}

	@Test
	void callsASynchronousResolverAtConnect() {
		AtomicInteger calls = new AtomicInteger();
		Transport transport = transportWith(AuthResolver.from(() -> {
			calls.incrementAndGet();
			return validCredentials();
		}));
		assertThat(calls).hasValue(0);
		roundTrip(transport);
		assertThat(calls).hasValue(1);
	}

	@Test
	void callsAnAsynchronousResolverAtConnect() {
		AtomicInteger calls = new AtomicInteger();
		roundTrip(transportWith(AuthResolver.async(() -> {
			calls.incrementAndGet();
			return CompletableFuture.supplyAsync(this::validCredentials);
		})));
		assertThat(calls).hasValue(1);
	}

	@Test
	void authenticatesAgainWhenTheHarnessReconnects() {
		AtomicInteger calls = new AtomicInteger();
		Transport transport = transportWith(AuthResolver.from(() -> {
			calls.incrementAndGet();
			return validCredentials();
		}));
		Harness harness = Harness.builder(transport).correlation(CorrelationPolicy.field("correlation_id")).build();
		harness.connect();
		harness.close();
		harness.connect();
		try (Scenario scenario = harness.scenario("again")) {
			String topic = topic("again");
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
		finally {
			harness.close();
		}
		assertThat(calls).hasValue(2);
	}

	@Test
	void refusesWrongCredentialsWithAMessageWithoutTheSecret() {
		Transport transport = transportWith(AuthResolver.of(wrongCredentials()));
		Harness harness = Harness.builder(transport).build();
		Throwable failure = catchThrowable(harness::connect);
		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).isNotBlank();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(wrongSecret());
			assertThat(cause.toString()).doesNotContain(wrongSecret());
		}
		assertThat(harness.isConnected()).isFalse();
		assertThat(transport.toString()).doesNotContain(wrongSecret());
	}

}

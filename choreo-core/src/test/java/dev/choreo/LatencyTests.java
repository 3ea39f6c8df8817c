package dev.choreo;

import java.time.Duration;
import java.util.Map;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Latency is the hop's: measured from the scenario's trigger (its first publish or
 * trigger) to the match, so setting up other expectations is never charged to a budget;
 * the time since registration stays available.
 */
class LatencyTests {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	@Test
	void aBudgetIsNotChargedForTheSetUpBetweenTheExpectationAndThePublish() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("budget")) {
			Handle first = s.expect("a").within(Duration.ofMillis(200));
			fake.beforeSubscribed(() -> Times.spin(Duration.ofMillis(300)));
			s.expect("b");
			ScenarioResult result = s.publish("a", Map.of()).publish("b", Map.of()).awaitAll(GENEROUS);
			assertThat(first.outcome()).isEqualTo(Outcome.PASS);
			assertThat(first.latency()).isLessThan(Duration.ofMillis(200));
			assertThat(first.sinceRegistered()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(result.passed()).isTrue();
		}
	}

	@Test
	void latencyAndTimeSinceRegistrationDifferByTheSetUpBeforeTheTrigger() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("anchors")) {
			Handle handle = s.expect("a");
			long registered = System.nanoTime();
			s.expect("b");
			s.expect("c");
			long beforeTrigger = System.nanoTime();
			s.publish("a", Map.of()).publish("b", Map.of()).publish("c", Map.of()).awaitAll(GENEROUS);
			assertThat(handle.sinceRegistered().minus(handle.latency()))
				.isGreaterThanOrEqualTo(Duration.ofNanos(beforeTrigger - registered));
			assertThat(handle.latency()).isLessThanOrEqualTo(handle.sinceRegistered());
		}
	}

	@Test
	void aMessageMatchedBeforeTheTriggerIsMeasuredFromTheRegistration() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).correlation(CorrelationPolicy.field("cid")).build().connect();
				Scenario s = harness.scenario("early")) {
			Handle early = s.expect("a");
			fake.deliver(dev.choreo.transport.TransportMessage.of("a",
					("{\"cid\":\"" + s.correlationId() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			s.publish("b", Map.of()).awaitAll(GENEROUS);
			assertThat(early.outcome()).isEqualTo(Outcome.PASS);
			assertThat(early.latency()).isEqualTo(early.sinceRegistered());
		}
	}

	@Test
	void aTimeoutWaitsFromTheTriggerAndIsNotALatency() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("waited")) {
			Handle silent = s.expect("a");
			ScenarioResult result = s.publish("b", Map.of()).awaitAll(Duration.ofMillis(50));
			assertThat(silent.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
			assertThat(result.failureSummary()).contains("\n      waited  : 50ms");
		}
	}

	@Test
	void sinceRegisteredIsReadOnlyOnceResolved() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("pending")) {
			Handle handle = s.expect("a");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(handle::sinceRegistered)
				.withMessage("The handle for topic 'a' is still PENDING; read sinceRegistered() after awaitAll()"
						+ " returns");
		}
	}

}

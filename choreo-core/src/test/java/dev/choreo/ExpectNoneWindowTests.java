package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An {@code expectNone} watches for its own window after the trigger (1 second unless
 * {@code during(...)} says otherwise), not for the whole {@code awaitAll} timeout, so a
 * scenario with one returns once its window has ended and its positive expectations have
 * resolved.
 */
class ExpectNoneWindowTests {

	private static final Duration LONG = Duration.ofMinutes(10);

	@Test
	void awaitAllReturnsWhenTheDefaultWindowEndsNotAtTheTimeout() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("default window")) {
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1));
			assertThat(none.window()).contains(Duration.ofSeconds(1));
			ScenarioResult result = assertTimeoutPreemptively(Duration.ofMinutes(1),
					() -> s.publish("orders.created", Map.of("id", 1)).awaitAll(LONG));
			assertThat(result.passed()).isTrue();
			assertThat(none.outcome()).isEqualTo(Outcome.PASS);
			assertThat(none.reason())
				.isEqualTo("nothing matching arrived on topic 'orders.cancelled' within 1s of the trigger");
			assertThat(none.latency()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		}
	}

	@Test
	void duringSetsTheWindowAndAwaitAllWaitsForThePositiveExpectationsToo() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("short window")) {
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1)).during(Duration.ofMillis(100));
			Handle created = s.expect("orders.created");
			ScenarioResult result = assertTimeoutPreemptively(Duration.ofMinutes(1),
					() -> s.publish("orders.created", Map.of("id", 1)).awaitAll(LONG));
			assertThat(result.passed()).isTrue();
			assertThat(created.outcome()).isEqualTo(Outcome.PASS);
			assertThat(none.window()).contains(Duration.ofMillis(100));
			assertThat(none.reason())
				.isEqualTo("nothing matching arrived on topic 'orders.cancelled' within 100ms of the trigger");
			assertThat(result.timeline()).isEmpty();
		}
	}

	@Test
	void aMatchingMessageInsideTheWindowFailsAtOnce() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("inside")) {
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1)).during(LONG);
			ScenarioResult result = assertTimeoutPreemptively(Duration.ofMinutes(1),
					() -> s.publish("orders.cancelled", Map.of("id", 1)).awaitAll(LONG));
			assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(none.message()).isEqualTo(Map.of("id", 1));
			assertThat(result.failureSummary()).contains("\n      payload : {\"id\":1}\n      arrived : ");
		}
	}

	@Test
	void aMatchingMessageAfterTheWindowDoesNotCount() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("after")) {
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1)).during(Duration.ofMillis(20));
			s.publish("orders.created", Map.of());
			Times.spin(Duration.ofMillis(40));
			fake.deliver(TransportMessage.of("orders.cancelled", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
			ScenarioResult result = s.awaitAll(LONG);
			assertThat(none.outcome()).isEqualTo(Outcome.PASS);
			assertThat(none.attempts()).isZero();
			assertThat(result.passed()).isTrue();
		}
	}

	@Test
	void theDeadlineStillEndsALongerWindow() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("cut")) {
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1)).during(LONG);
			s.publish("orders.created", Map.of()).awaitAll(Duration.ofMillis(30));
			assertThat(none.outcome()).isEqualTo(Outcome.PASS);
			assertThat(none.reason()).isEqualTo("nothing matching arrived on topic 'orders.cancelled' within 30ms (the"
					+ " deadline came before its 10m window ended)");
		}
	}

	@Test
	void duringIsForExpectNoneOnlyAndTakesAPositiveWindow() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("misuse")) {
			Handle positive = s.expect("orders");
			Handle none = s.expectNone("orders.cancelled", fieldEquals("id", 1));
			assertThat(positive.window()).isEmpty();
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> positive.during(Duration.ofSeconds(1)))
				.withMessage("during() sets how long expectNone() watches; the expect() on topic 'orders' waits for"
						+ " its message, so use within(...) for a budget");
			assertThatIllegalArgumentException().isThrownBy(() -> none.during(Duration.ZERO))
				.withMessage("An expectNone() window must be positive, got PT0S");
		}
	}

}

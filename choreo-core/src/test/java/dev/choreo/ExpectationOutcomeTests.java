package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.MatchFailure;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.testing.FakeTransport;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static dev.choreo.match.Matchers.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Expectations and their handles: outcomes, near-misses, budgets, counts, negative and
 * typed expectations, and what a handle says before it resolves. Checklist items B-10 to
 * B-29. A budget is a {@link Duration}, so B-22's NaN, infinite, text and boolean budgets
 * cannot be written; zero, negative and null ones are refused. B-21 forces SLOW with a
 * one-nanosecond budget instead of sleeping; B-23's warning is a WARN log.
 */
class ExpectationOutcomeTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final InMemoryTransport transport = InMemoryTransport.create();

	private final Harness harness = Harness.builder(this.transport)
		.correlation(CorrelationPolicy.testNamespace())
		.build()
		.connect();

	@AfterEach
	void closeHarness() {
		this.harness.close();
	}

	@Test // B-10
	void aMatchingMessagePassesAndCarriesTheDecodedPayload() {
		try (Scenario s = this.harness.scenario("pass")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.publish("orders", Map.of("status", "SETTLED", "qty", 3)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.wasFulfilled()).isTrue();
			assertThat(handle.message())
				.isEqualTo(Map.of("status", "SETTLED", "qty", 3, "correlation_id", s.correlationId()));
			assertThat(handle.message(Map.class)).containsEntry("qty", 3);
			assertThat(handle.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
			assertThat(handle.latencyMillis()).isEqualTo(handle.latency().toNanos() / 1_000_000.0);
			assertThat(handle.reason()).isEqualTo("fieldEquals(\"status\", \"SETTLED\")");
			assertThat(handle.attempts()).isZero();
			assertThat(handle.matchCount()).isEqualTo(1);
			assertThat(handle.correlationId()).isEqualTo(s.correlationId());
			assertThat(handle.topic()).isEqualTo("orders");
			assertThat(handle.harness()).isEqualTo("in-memory");
		}
	}

	@Test // B-11
	void aCorrelatedMismatchIsAFailWithOneAttempt() {
		try (Scenario s = this.harness.scenario("fail")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.publish("orders", Map.of("status", "PENDING")).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.attempts()).isEqualTo(1);
			assertThat(handle.wasFulfilled()).isFalse();
			assertThat(handle.message()).isNull();
			assertThat(handle.lastMismatchReason()).isEqualTo("at status: expected \"SETTLED\", got \"PENDING\"");
			assertThat(handle.reason()).isEqualTo("1 message carrying this scenario's correlation id arrived but"
					+ " failed the matcher; latest mismatch: at status: expected \"SETTLED\", got \"PENDING\"");
		}
	}

	@Test // B-12
	void everyNearMissIsKeptAsAStructuredFailureInArrivalOrder() {
		try (Scenario s = this.harness.scenario("three")) {
			Handle handle = s.expect("orders", fieldEquals("status", "PASS"));
			s.publish("orders", Map.of("status", "A"))
				.publish("orders", Map.of("status", "B"))
				.publish("orders", Map.of("status", "C"))
				.awaitAll(SHORT);
			assertThat(handle.attempts()).isEqualTo(3);
			assertThat(handle.failures()).containsExactly(
					MatchFailure.of(MatchFailure.Kind.MISMATCH, "status", "PASS", "A"),
					MatchFailure.of(MatchFailure.Kind.MISMATCH, "status", "PASS", "B"),
					MatchFailure.of(MatchFailure.Kind.MISMATCH, "status", "PASS", "C"));
			assertThat(handle.failuresDropped()).isZero();
			assertThat(handle.reason()).isEqualTo("3 messages carrying this scenario's correlation id arrived but"
					+ " failed the matcher; latest mismatch: at status: expected \"PASS\", got \"C\"");
		}
	}

	@Test // B-13
	void atMostTwentyFailuresAreKeptAndTheRestCounted() {
		try (Scenario s = this.harness.scenario("many")) {
			Handle handle = s.expect("orders", fieldEquals("n", -1));
			for (int i = 0; i < 25; i++) {
				s.publish("orders", Map.of("n", i));
			}
			s.awaitAll(SHORT);
			assertThat(handle.attempts()).isEqualTo(25);
			assertThat(handle.failures()).hasSize(20);
			assertThat(handle.failures().get(19).actual()).isEqualTo(19);
			assertThat(handle.failuresDropped()).isEqualTo(5);
			assertThat(handle.lastMismatchReason()).isEqualTo("at n: expected -1, got 24");
		}
	}

	@Test // B-14
	void nothingOnTheTopicIsATimeoutWithNoNearMiss() {
		try (Scenario s = this.harness.scenario("silent")) {
			Handle handle = s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			s.publish("orders.created", Map.of("status", "SETTLED")).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
			assertThat(handle.lastMismatchReason()).isNull();
			assertThat(handle.lastMismatchPayload()).isNull();
			assertThat(handle.failures()).isEmpty();
			assertThat(handle.message()).isNull();
			assertThat(handle.latency()).isGreaterThanOrEqualTo(SHORT);
		}
	}

	@Test // B-15
	void aMessageWithAForeignCorrelationIdNeverReachesTheMatcher() {
		try (Scenario s = this.harness.scenario("foreign")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.trigger(() -> this.harness.publish("orders", Map.of("status", "PENDING", "correlation_id", "TEST-other")))
				.awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test // B-16, changed: a message without an id counts for no scenario unless
			// broadcast
	void aMessageWithoutACorrelationIdIsIgnoredAndNamedWhenTheExpectationTimesOut() {
		try (Scenario s = this.harness.scenario("ignored")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.trigger(() -> this.harness.publish("orders", Map.of("status", "SETTLED"))).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
			assertThat(handle.reason()).isEqualTo("no matching message arrived on topic 'orders' within 50ms;"
					+ " 1 message without a correlation id arrived on 'orders' and was ignored: the service may drop"
					+ " the id (field 'correlation_id')");
		}
	}

	@Test // B-16
	void aMessageWithoutACorrelationIdReachesTheMatcherAndCountsAsANearMissWhenBroadcast() {
		try (Harness broadcasting = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.unidentified(Unidentified.BROADCAST)
			.build()
			.connect(); Scenario s = broadcasting.scenario("broadcast")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.trigger(() -> broadcasting.publish("orders", Map.of("status", "PENDING"))).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.attempts()).isEqualTo(1);
			assertThat(handle.lastMismatchPayload()).isEqualTo(Map.of("status", "PENDING"));
			assertThat(handle.reason()).isEqualTo("1 message without a correlation id arrived (broadcast) but failed"
					+ " the matcher; latest mismatch: at status: expected \"SETTLED\", got \"PENDING\"");
		}
	}

	@Test // B-16
	void aMessageWithANumericCorrelationFieldCountsAsCarryingNoId() {
		try (Harness broadcasting = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.unidentified(Unidentified.BROADCAST)
			.build()
			.connect(); Scenario s = broadcasting.scenario("numeric"); Scenario other = this.harness.scenario("n")) {
			Handle handle = s.expect("orders", fieldEquals("status", "SETTLED"));
			s.trigger(() -> broadcasting.publish("orders", Map.of("status", "SETTLED", "correlation_id", 42)))
				.awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			Handle ignored = other.expect("orders", fieldEquals("status", "SETTLED"));
			other.trigger(() -> this.harness.publish("orders", Map.of("status", "SETTLED", "correlation_id", 42)))
				.awaitAll(SHORT);
			assertThat(ignored.outcome()).isEqualTo(Outcome.TIMEOUT);
		}
	}

	@Test // B-17
	void onlyTheUnpublishedTopicFails() {
		try (Scenario s = this.harness.scenario("two")) {
			Handle published = s.expect("orders.created");
			Handle silent = s.expect("orders.settled");
			ScenarioResult result = s.publish("orders.created", Map.of("id", 1)).awaitAll(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(published.outcome()).isEqualTo(Outcome.PASS);
			assertThat(silent.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(result.failingHandles()).containsExactly(silent);
			assertThat(result.handles()).containsExactly(published, silent);
			assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
		}
	}

	@Test // B-18
	void aPassedHandleCountsNoMoreAttempts() {
		try (Scenario s = this.harness.scenario("first-wins")) {
			Handle handle = s.expect("orders", fieldEquals("n", 1));
			s.publish("orders", Map.of("n", 1)).publish("orders", Map.of("n", 2)).publish("orders", Map.of("n", 1));
			s.awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.attempts()).isZero();
			assertThat(handle.matchCount()).isEqualTo(1);
		}
	}

	@Test // B-19
	void aLateMatchNeverTurnsATimeoutIntoAPass() {
		try (Scenario s = this.harness.scenario("late")) {
			Handle handle = s.expect("orders", fieldEquals("n", 1));
			ScenarioResult result = s.publish("elsewhere", Map.of("n", 1)).awaitAll(SHORT);
			s.publish("orders", Map.of("n", 1)).publish("orders", Map.of("n", 2));
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
			assertThat(handle.message()).isNull();
			assertThat(result.passed()).isFalse();
			assertThat(s.awaitAll(SHORT).passed()).isFalse();
		}
	}

	@Test // B-20
	void aMatchWithinItsBudgetPasses() {
		try (Scenario s = this.harness.scenario("budget")) {
			Handle handle = s.expect("orders").within(Duration.ofSeconds(30));
			s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.budget()).contains(Duration.ofSeconds(30));
		}
	}

	@Test // B-21
	void aMatchLaterThanItsBudgetIsSlowAndFailsTheScenario() {
		try (Scenario s = this.harness.scenario("slow")) {
			Handle handle = s.expect("orders", fieldEquals("n", 1)).within(Duration.ofNanos(1));
			ScenarioResult result = s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.SLOW);
			assertThat(handle.latency()).isGreaterThan(Duration.ofNanos(1));
			assertThat(handle.wasFulfilled()).isFalse();
			assertThat(handle.message()).isEqualTo(Map.of("n", 1, "correlation_id", s.correlationId()));
			assertThat(handle.reason())
				.isEqualTo("matched in " + Times.ms(handle.latency()) + ", budget 0.0ms (exceeded by "
						+ Times.ms(handle.latency().minusNanos(1)) + "); matcher: fieldEquals(\"n\", 1)");
			assertThat(result.passed()).isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.SLOW);
			assertThat(result.failingHandles()).containsExactly(handle);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessageContaining("[SLOW] orders")
				.withMessageContaining("budget");
		}
	}

	@Test // B-21
	void aSlowMatchPassesTheScenarioWhenTheHarnessToleratesSlowness() {
		try (Harness tolerant = Harness.builder(InMemoryTransport.create()).slowFails(false).build().connect();
				Scenario s = tolerant.scenario("tolerated")) {
			Handle handle = s.expect("orders").within(Duration.ofNanos(1));
			ScenarioResult result = s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.SLOW);
			assertThat(result.passed()).isTrue();
			assertThat(result.failingHandles()).containsExactly(handle);
			result.assertPassed();
		}
	}

	@Test // B-22
	void aBudgetMustBePositive() {
		try (Scenario s = this.harness.scenario("budgets")) {
			Handle handle = s.expect("orders");
			assertThatIllegalArgumentException().isThrownBy(() -> handle.within(Duration.ZERO))
				.withMessage("A latency budget must be positive, got PT0S");
			assertThatIllegalArgumentException().isThrownBy(() -> handle.within(Duration.ofMillis(-10)))
				.withMessage("A latency budget must be positive, got PT-0.01S");
			assertThatNullPointerException().isThrownBy(() -> handle.within(nothing())).withMessage("budget");
			assertThat(handle.budget()).isEmpty();
		}
	}

	@Test // B-23
	void aSecondBudgetReplacesTheFirstWithAWarning() {
		try (Scenario s = this.harness.scenario("budgets"); LogCapture logs = LogCapture.choreo()) {
			Handle handle = s.expect("orders").within(Duration.ofMillis(50)).within(Duration.ofMillis(200));
			assertThat(handle.budget()).contains(Duration.ofMillis(200));
			assertThat(logs.messages(Level.WARN))
				.containsExactly("within(200ms) replaces the budget 50ms already set on the handle for topic 'orders'");
		}
	}

	@Test // B-24
	void aBudgetOnAResolvedHandleIsRefused() {
		try (Scenario s = this.harness.scenario("resolved")) {
			Handle handle = s.expect("orders");
			s.publish("orders", Map.of("n", 1));
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> handle.within(Duration.ofMillis(5)))
				.withMessage("within() was called on the handle for topic 'orders' after it resolved (outcome=pass);"
						+ " declare it before publish()");
			assertThat(handle.budget()).isEmpty();
		}
	}

	@Test // B-25
	void aPendingHandleRefusesItsMessageAndLatency() {
		try (Scenario s = this.harness.scenario("pending")) {
			Handle handle = s.expect("orders", fieldEquals("qty", 1000));
			assertThat(handle.outcome()).isEqualTo(Outcome.PENDING);
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(handle::message)
				.withMessage("The handle for topic 'orders' is still PENDING; read message() after awaitAll() returns");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> handle.message(Map.class))
				.withMessage("The handle for topic 'orders' is still PENDING; read message() after awaitAll() returns");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(handle::latency)
				.withMessage("The handle for topic 'orders' is still PENDING; read latency() after awaitAll() returns");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(handle::latencyMillis)
				.withMessage("The handle for topic 'orders' is still PENDING; read latency() after awaitAll() returns");
			assertThat(handle.wasFulfilled()).isFalse();
			assertThat(handle.attempts()).isZero();
			assertThat(handle.reason()).isEmpty();
			assertThat(handle.failures()).isEmpty();
			assertThat(handle.expectedShape()).isEqualTo(Map.of("qty", 1000));
			assertThat(handle.matcherDescription()).isEqualTo("fieldEquals(\"qty\", 1000)");
			assertThat(handle.budget()).isEmpty();
			assertThat(handle.expectedCount()).isEqualTo(1);
			assertThat(handle.isNegative()).isFalse();
		}
	}

	@Test // B-25
	void aMatcherWithoutAShapeOrWhoseShapeThrowsHasNone() {
		try (Scenario s = this.harness.scenario("shapes")) {
			assertThat(s.expect("a", new Named("plain", null)).expectedShape()).isNull();
			assertThat(s.expect("b", new ShapeThrows()).expectedShape()).isNull();
		}
	}

	@Test // B-26
	void aHandleNeverShowsAPayload() {
		try (Scenario s = this.harness.scenario("secret")) {
			Handle handle = s.expect("accounts", fieldExists("account"));
			assertThat(handle).hasToString("Handle[topic=accounts, outcome=pending, matcher=fieldExists(\"account\")]");
			s.publish("accounts", Map.of("account", "ACME-SECRET-123")).awaitAll(SHORT);
			assertThat(handle).hasToString("Handle[topic=accounts, outcome=pass, matcher=fieldExists(\"account\")]");
		}
	}

	@Test // B-27
	void theExpectedShapeIsTheMatchersShape() {
		try (Scenario s = this.harness.scenario("shape")) {
			Handle handle = s.expect("orders", fieldEquals("qty", 1000));
			s.publish("orders", Map.of("qty", 1000)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.expectedShape()).isEqualTo(Map.of("qty", 1000));
		}
	}

	@Test // B-28
	void theLastMismatchPayloadIsTheLastRejectedOne() {
		try (Scenario s = this.harness.scenario("last")) {
			Handle handle = s.expect("orders", fieldEquals("n", 0));
			s.publish("orders", Map.of("n", 1)).publish("orders", Map.of("n", 2)).awaitAll(SHORT);
			assertThat(handle.lastMismatchPayload()).isEqualTo(Map.of("n", 2, "correlation_id", s.correlationId()));
		}
	}

	@Test // B-29
	void aTimeoutSaysNothingArrivedOnTheTopic() {
		try (Scenario s = this.harness.scenario("silent")) {
			Handle handle = s.expect("orders.settled");
			s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(handle.reason()).isEqualTo("no matching message arrived on topic 'orders.settled' within 50ms;"
					+ " nothing on this scenario's correlation reached it, so check the topic name, the routing, and"
					+ " that the service carries the correlation id");
		}
	}

	@Test
	void latencyIsMeasuredFromTheMomentTheSubscriptionIsLive() {
		Duration subscribing = Duration.ofMillis(100);
		FakeTransport slow = FakeTransport.named("slow").beforeSubscribed(() -> Times.spin(subscribing));
		try (Harness slowHarness = Harness.builder(slow).keepTimelines(true).build().connect();
				Scenario s = slowHarness.scenario("latency")) {
			Handle handle = s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			TimelineEntry matched = result.timeline()
				.stream()
				.filter((entry) -> entry.action() == TimelineAction.MATCHED)
				.findFirst()
				.orElseThrow();
			assertThat(matched.offsetMillis()).isGreaterThanOrEqualTo(subscribing.toMillis());
			assertThat(handle.latency()).isLessThan(subscribing);
		}
	}

	@Test
	void aMatcherThatThrowsIsANearMissNamingTheExceptionAndOtherScenariosStillReceive() {
		try (Harness shared = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario broken = shared.scenario("broken");
				Scenario healthy = shared.scenario("healthy")) {
			Handle throwing = broken.expect("orders", new Throwing(new IllegalStateException("boom SECRET")));
			Handle asserting = broken.expect("orders", new Throwing(new AssertionError("expected SECRET")));
			Handle fine = healthy.expect("orders", fieldEquals("n", 1));
			healthy.publish("orders", Map.of("n", 1));
			broken.trigger(() -> {
			}).awaitAll(SHORT);
			healthy.awaitAll(SHORT);
			assertThat(fine.outcome()).isEqualTo(Outcome.PASS);
			assertThat(throwing.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(throwing.lastMismatchReason()).isEqualTo("matcher raised java.lang.IllegalStateException");
			assertThat(throwing.failures())
				.containsExactly(MatchFailure.of(MatchFailure.Kind.PREDICATE, MatchFailure.ROOT, "throws", null));
			assertThat(asserting.lastMismatchReason()).isEqualTo("matcher raised java.lang.AssertionError");
		}
	}

	@Test
	void aMatcherThatReturnsNoResultIsANearMiss() {
		try (Scenario s = this.harness.scenario("null-result")) {
			Handle handle = s.expect("orders", new Named("returns null", null) {
				@Override
				public MatchResult match(@Nullable Object payload) {
					return nothing();
				}
			});
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.lastMismatchReason()).isEqualTo("matcher returned no result");
		}
	}

	@Test
	void aNearMissOnBytesThatAreNotJsonSaysSo() {
		try (Harness plain = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = plain.scenario("not-json")) {
			Handle handle = s.expect("orders", fieldEquals("status", "OK"));
			s.publish("orders", "hello".getBytes(StandardCharsets.UTF_8)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.lastMismatchReason())
				.isEqualTo("payload is not JSON (5 bytes): at status: no field \"status\": the payload is bytes");
			assertThat(handle.lastMismatchPayload()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void aNearMissOnBytesUnderTheRawCodecIsNotBlamedOnJson() {
		try (Harness raw = Harness.builder(InMemoryTransport.create()).codec(Codec.raw()).build().connect();
				Scenario s = raw.scenario("raw")) {
			Handle handle = s.expect("orders", fieldEquals("status", "OK"));
			s.publish("orders", "hello".getBytes(StandardCharsets.UTF_8)).awaitAll(SHORT);
			assertThat(handle.lastMismatchReason()).isEqualTo("at status: no field \"status\": the payload is bytes");
		}
	}

	@Test
	void aTypedExpectationDecodesIntoTheType() {
		try (Scenario s = this.harness.scenario("typed")) {
			Handle handle = s.expect("orders", Order.class,
					satisfies("qty is 3", (Order order) -> assertThat(order.qty()).isEqualTo(3)));
			s.publish("orders", new Order("ORD-1", 3)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.message()).isEqualTo(new Order("ORD-1", 3));
			assertThat(this.transport.sent().get(0).payload()).asString(StandardCharsets.UTF_8)
				.isEqualTo("{\"id\":\"ORD-1\",\"qty\":3,\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test
	void aTypedExpectationCountsAPayloadOfAnotherShapeAsANearMiss() {
		try (Harness plain = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = plain.scenario("typed")) {
			Handle handle = s.expect("orders", Order.class, satisfies((Order order) -> assertThat(order).isNotNull()));
			ScenarioResult result = s.publish("orders", "null".getBytes(StandardCharsets.UTF_8))
				.publish("orders", "not json".getBytes(StandardCharsets.UTF_8))
				.awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.attempts()).isEqualTo(2);
			assertThat(result.timeline()).filteredOn((entry) -> entry.action() == TimelineAction.MISMATCHED)
				.extracting(TimelineEntry::detail)
				.first()
				.isEqualTo("payload is JSON null, so it does not decode as Order");
			assertThat(handle.lastMismatchReason()).isEqualTo("payload does not decode as Order: Unrecognized token"
					+ " 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
			assertThat(handle.failures()).containsExactly(
					MatchFailure.of(MatchFailure.Kind.TYPE_MISMATCH, MatchFailure.ROOT, "Order", "null"),
					MatchFailure.of(MatchFailure.Kind.TYPE_MISMATCH, MatchFailure.ROOT, "Order", "bytes"));
		}
	}

	@Test
	void aTypedExpectationUnderTheRawCodecCanOnlyDecodeBytes() {
		try (Harness raw = Harness.builder(InMemoryTransport.create()).codec(Codec.raw()).build().connect();
				Scenario s = raw.scenario("raw-typed")) {
			Handle handle = s.expect("orders", Order.class, satisfies((Order order) -> assertThat(order).isNotNull()));
			Handle bytes = s.expect("orders", byte[].class,
					satisfies((byte[] payload) -> assertThat(payload).hasSize(2)));
			s.publish("orders", new byte[] { 1, 2 }).awaitAll(SHORT);
			assertThat(handle.lastMismatchReason()).isEqualTo("The raw codec decodes only into byte[], not Order");
			assertThat(bytes.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void expectNonePassesAtTheDeadlineWhenNothingMatchingArrives() {
		try (Scenario s = this.harness.scenario("none")) {
			Handle handle = s.expectNone("orders.cancelled", fieldEquals("id", 1));
			ScenarioResult result = s.publish("orders.cancelled", Map.of("id", 2)).awaitAll(SHORT);
			assertThat(handle.isNegative()).isTrue();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.reason()).isEqualTo("nothing matching arrived on topic 'orders.cancelled' within 50ms"
					+ " (the deadline came before its 1s window ended)");
			assertThat(handle.attempts()).isEqualTo(1);
			assertThat(handle.matchCount()).isZero();
			assertThat(handle.latency()).isGreaterThanOrEqualTo(SHORT);
			assertThat(result.passed()).isTrue();
		}
	}

	@Test
	void expectNoneFailsAsSoonAsAMatchingMessageArrives() {
		try (Scenario s = this.harness.scenario("none")) {
			Handle handle = s.expectNone("orders.cancelled", fieldEquals("id", 1));
			s.publish("orders.cancelled", Map.of("id", 1));
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(handle.reason()).isEqualTo(
					"a message matched on topic 'orders.cancelled' but none was expected: fieldEquals(\"id\", 1)");
			assertThat(handle.message()).isEqualTo(Map.of("id", 1, "correlation_id", s.correlationId()));
			assertThat(handle.matchCount()).isEqualTo(1);
		}
	}

	@Test
	void expectNoneTakesNoBudgetAndNoCount() {
		try (Scenario s = this.harness.scenario("none")) {
			Handle handle = s.expectNone("orders.cancelled", fieldEquals("id", 1));
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> handle.within(Duration.ofMillis(5)))
				.withMessage("expectNone() on topic 'orders.cancelled' has no latency budget; remove within(), or use"
						+ " during(...) to set how long it watches");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> handle.times(2))
				.withMessage("expectNone() on topic 'orders.cancelled' expects no message, so it takes no count");
		}
	}

	@Test
	void timesPassesWhenTheLastOfTheCountedMessagesArrives() {
		try (Scenario s = this.harness.scenario("times")) {
			Handle handle = s.expect("orders", fieldEquals("kind", "line")).times(3);
			s.publish("orders", Map.of("kind", "line", "n", 1)).publish("orders", Map.of("kind", "other"));
			s.publish("orders", Map.of("kind", "line", "n", 2));
			assertThat(handle.outcome()).isEqualTo(Outcome.PENDING);
			assertThat(handle.matchCount()).isEqualTo(2);
			ScenarioResult result = s.publish("orders", Map.of("kind", "line", "n", 3)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.expectedCount()).isEqualTo(3);
			assertThat(handle.matchCount()).isEqualTo(3);
			assertThat(handle.attempts()).isEqualTo(1);
			assertThat(handle.message()).isEqualTo(Map.of("kind", "line", "n", 3, "correlation_id", s.correlationId()));
			assertThat(result.passed()).isTrue();
		}
	}

	@Test
	void timesFailsWhenTooFewMatchingMessagesArrive() {
		try (Scenario s = this.harness.scenario("times")) {
			Handle handle = s.expect("orders").times(3);
			ScenarioResult result = s.publish("orders", Map.of()).publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.reason())
				.isEqualTo("only 2 of 3 matching messages arrived on topic 'orders' within 50ms");
			assertThat(handle.matchCount()).isEqualTo(2);
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::detail)
				.contains(org.assertj.core.groups.Tuple.tuple(TimelineAction.MATCHED, "anyPayload() (match 1 of 3)"),
						org.assertj.core.groups.Tuple.tuple(TimelineAction.MATCHED, "anyPayload() (match 2 of 3)"),
						org.assertj.core.groups.Tuple.tuple(TimelineAction.DEADLINE, "2 of 3 matches"));
		}
	}

	@Test
	void timesNeedsAPositiveCountOnAPendingHandle() {
		try (Scenario s = this.harness.scenario("times")) {
			Handle handle = s.expect("orders");
			assertThatIllegalArgumentException().isThrownBy(() -> handle.times(0))
				.withMessage("times() needs a count of at least 1, got 0");
			s.publish("orders", Map.of());
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> handle.times(2))
				.withMessage("times() was called on the handle for topic 'orders' after it resolved (outcome=pass);"
						+ " declare it before publish()");
		}
	}

	@Test
	void handlesStayReadableAfterTheScenarioCloses() {
		Handle handle;
		try (Scenario s = this.harness.scenario("closed")) {
			handle = s.expect("orders", containsFields(Map.of("n", 1)));
			s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
		}
		assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		assertThat(handle.message()).isNotNull();
		assertThat(handle.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
	}

	@SuppressWarnings("NullAway")
	private static <T> T nothing() {
		return null;
	}

	record Order(String id, int qty) {
	}

	static class Named implements MessageMatcher {

		private final String description;

		private final @Nullable Object shape;

		Named(String description, @Nullable Object shape) {
			this.description = description;
			this.shape = shape;
		}

		@Override
		public String description() {
			return this.description;
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			return MatchResult.pass(this.description);
		}

		@Override
		public @Nullable Object expectedShape() {
			return this.shape;
		}

	}

	static final class ShapeThrows extends Named {

		ShapeThrows() {
			super("shape throws", null);
		}

		@Override
		public Object expectedShape() {
			throw new IllegalStateException("no shape");
		}

	}

	static final class Throwing extends Named {

		private final Throwable failure;

		Throwing(Throwable failure) {
			super("throws", null);
			this.failure = failure;
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			if (this.failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) this.failure;
		}

	}

}

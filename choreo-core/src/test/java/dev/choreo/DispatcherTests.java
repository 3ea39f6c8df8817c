package dev.choreo;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dispatcher: one transport subscription per topic, routing by correlation id,
 * broadcast of messages without an id, the idle-subscription cache, and the surprise log
 * of unclaimed messages. Checklist item G-98; its extractor part (refusing deserialising
 * extractors) has no Java counterpart, since the correlation policy reads ids from
 * decoded payloads and no extractor can be registered.
 */
class DispatcherTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final FakeTransport transport = FakeTransport.named("fake");

	private Harness harness(int idleSubscriptions) {
		return Harness.builder(this.transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.idleSubscriptions(idleSubscriptions)
			.build()
			.connect();
	}

	private static TransportMessage json(String topic, String json) {
		return TransportMessage.of(topic, json.getBytes(StandardCharsets.UTF_8));
	}

	@Test // G-98
	void aMessageIsRoutedOnlyToTheScenarioThatOwnsItsId() {
		try (Harness harness = harness(64); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("orders");
			Handle inB = b.expect("orders");
			this.transport.deliver(json("orders", "{\"correlation_id\":\"" + a.correlationId() + "\"}"));
			assertThat(inA.outcome()).isEqualTo(Outcome.PASS);
			assertThat(inB.outcome()).isEqualTo(Outcome.PENDING);
			assertThat(harness.surprises()).isEmpty();
		}
	}

	@Test
	void aMessageWithoutAnIdCountsForNoScenarioAndIsASurpriseByDefault() {
		try (Harness harness = harness(64); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("orders");
			Handle inB = b.expect("orders");
			this.transport.deliver(json("orders", "{\"n\":1}"));
			assertThat(inA.outcome()).isEqualTo(Outcome.PENDING);
			assertThat(inA.attempts()).isZero();
			assertThat(inB.outcome()).isEqualTo(Outcome.PENDING);
			assertThat(inB.attempts()).isZero();
			assertThat(harness.unidentified()).isEqualTo(Unidentified.IGNORE);
			assertThat(harness.surprises()).singleElement()
				.satisfies((surprise) -> assertThat(surprise.kind()).isEqualTo(Surprise.Kind.UNIDENTIFIED))
				.satisfies((surprise) -> assertThat(surprise.kind().value()).isEqualTo("no_correlation_id"))
				.satisfies((surprise) -> assertThat(surprise.correlationId()).isNull());
		}
	}

	@Test // G-98, now an opt-in
	void aMessageWithoutAnIdIsOfferedToEveryScenarioOnItsTopicWhenTheHarnessBroadcasts() {
		try (Harness harness = Harness.builder(this.transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.unidentified(Unidentified.BROADCAST)
			.build()
			.connect(); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("orders", fieldEquals("n", 1));
			Handle inB = b.expect("orders", fieldEquals("n", 2));
			Handle elsewhere = b.expect("payments");
			this.transport.deliver(json("orders", "{\"n\":1}"));
			assertThat(inA.outcome()).isEqualTo(Outcome.PASS);
			assertThat(inB.attempts()).isEqualTo(1);
			assertThat(elsewhere.attempts()).isZero();
		}
	}

	@Test // G-98
	void everyTopicHasOneTransportSubscriptionHoweverManyListen() {
		try (Harness harness = harness(64); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			a.expect("orders");
			a.expect("orders");
			a.on("orders").publish("x", Map.of());
			b.expect("orders");
			b.expect("payments");
			assertThat(this.transport.subscribes).hasValue(2);
			assertThat(this.transport.subscriptionCount()).isEqualTo(2);
			assertThat(harness.transportSubscriptionCount()).isEqualTo(2);
			assertThat(harness.activeSubscriptionCount()).isEqualTo(5);
		}
	}

	@Test // G-98
	void idleTopicsKeepTheirSubscriptionForTheNextScenario() {
		try (Harness harness = harness(64)) {
			for (int i = 0; i < 3; i++) {
				try (Scenario s = harness.scenario("sequential-" + i)) {
					s.expect("orders");
					s.publish("orders", Map.of()).awaitAll(SHORT).assertPassed();
				}
				assertThat(harness.activeSubscriptionCount()).isZero();
				assertThat(harness.transportSubscriptionCount()).isEqualTo(1);
			}
			assertThat(this.transport.subscribes).hasValue(1);
			assertThat(this.transport.unsubscribes).hasValue(0);
		}
		assertThat(this.transport.unsubscribes).hasValue(1);
		assertThat(this.transport.subscriptionCount()).isZero();
	}

	@Test // G-98
	void withoutAnIdleCacheATopicIsUnsubscribedAsSoonAsNobodyListens() {
		try (Harness harness = harness(0)) {
			try (Scenario s = harness.scenario("once")) {
				s.expect("orders");
				assertThat(this.transport.subscriptionCount()).isEqualTo(1);
			}
			assertThat(this.transport.subscriptionCount()).isZero();
			assertThat(harness.transportSubscriptionCount()).isZero();
			try (Scenario s = harness.scenario("again")) {
				s.expect("orders");
			}
			assertThat(this.transport.subscribes).hasValue(2);
		}
	}

	@Test // G-98
	void theIdleCacheEvictsTheLeastRecentlyUsedTopic() {
		try (Harness harness = harness(1)) {
			try (Scenario s = harness.scenario("two-topics")) {
				s.expect("a");
				s.expect("b");
			}
			assertThat(this.transport.subscriptionCount()).isEqualTo(1);
			try (Scenario s = harness.scenario("reuse")) {
				s.expect("b");
				assertThat(this.transport.subscribes).hasValue(2);
				s.expect("a");
				assertThat(this.transport.subscribes).hasValue(3);
			}
		}
	}

	@Test // G-98
	void aMessageForAnIdNobodyOwnsIsAnUnknownScopeSurprise() {
		Instant before = Instant.now();
		try (Harness harness = harness(64); Scenario s = harness.scenario("listening")) {
			Handle handle = s.expect("orders");
			String body = "{\"correlation_id\":\"nobody\",\"secret\":\"SECRET\"}";
			this.transport.deliver(json("orders", body));
			assertThat(handle.outcome()).isEqualTo(Outcome.PENDING);
			assertThat(harness.surprises()).singleElement().satisfies((surprise) -> {
				assertThat(surprise.kind()).isEqualTo(Surprise.Kind.UNKNOWN_SCOPE);
				assertThat(surprise.kind().value()).isEqualTo("unknown_scope");
				assertThat(surprise.harness()).isEqualTo("fake");
				assertThat(surprise.topic()).isEqualTo("orders");
				assertThat(surprise.correlationId()).isEqualTo("nobody");
				assertThat(surprise.size()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
				assertThat(surprise.at()).isBetween(before, Instant.now());
				assertThat(surprise.toString()).doesNotContain("SECRET");
			});
		}
	}

	@Test // G-98
	void aSurpriseHoldsMetadataOnlyNeverThePayload() {
		assertThat(Arrays.stream(Surprise.class.getRecordComponents()).map(RecordComponent::getName))
			.containsExactly("at", "harness", "topic", "correlationId", "size", "kind");
	}

	@Test // G-98
	void aMessageForAScenarioThatHasEndedIsALateSurprise() {
		try (Harness harness = harness(64)) {
			String id;
			try (Scenario s = harness.scenario("ended")) {
				s.expect("orders");
				id = String.valueOf(s.correlationId());
				s.publish("orders", Map.of()).awaitAll(SHORT);
			}
			this.transport.deliver(json("orders", "{\"correlation_id\":\"" + id + "\"}"));
			assertThat(harness.surprises()).singleElement().satisfies((surprise) -> {
				assertThat(surprise.kind()).isEqualTo(Surprise.Kind.LATE);
				assertThat(surprise.kind().value()).isEqualTo("timeout_race");
				assertThat(surprise.correlationId()).isEqualTo(id);
			});
		}
	}

	@Test // G-98
	void aScenarioIsRememberedAsEndedForTheLast4096ScenariosOnly() {
		try (Harness harness = harness(64)) {
			String first = null;
			String last = null;
			for (int i = 0; i <= 4096; i++) {
				try (Scenario s = harness.scenario("ended-" + i)) {
					last = String.valueOf(s.correlationId());
					if (first == null) {
						first = last;
						s.expect("orders");
						s.publish("orders", Map.of()).awaitAll(SHORT);
					}
				}
			}
			this.transport.deliver(json("orders", "{\"correlation_id\":\"" + first + "\"}"));
			this.transport.deliver(json("orders", "{\"correlation_id\":\"" + last + "\"}"));
			assertThat(harness.surprises()).extracting(Surprise::kind)
				.containsExactly(Surprise.Kind.UNKNOWN_SCOPE, Surprise.Kind.LATE);
		}
	}

	@Test // G-98
	void aMessageNoScenarioListensForIsAnUnclaimedSurprise() {
		try (Harness harness = harness(64); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			a.expect("payments");
			b.expect("orders");
			this.transport.deliver(json("orders", "{\"correlation_id\":\"" + a.correlationId() + "\"}"));
			b.close();
			this.transport.deliver(json("orders", "{\"n\":1}"));
			assertThat(harness.surprises()).extracting(Surprise::kind, Surprise::correlationId)
				.containsExactly(tuple(Surprise.Kind.UNCLAIMED, a.correlationId()),
						tuple(Surprise.Kind.UNCLAIMED, null));
			assertThat(Surprise.Kind.UNCLAIMED.value()).isEqualTo("unclaimed");
			assertThat(Surprise.Kind.POLICY_ERROR.value()).isEqualTo("policy_error");
		}
	}

	@Test // G-98
	void theSurpriseLogKeepsOnlyTheMostRecentEntries() {
		try (Harness harness = Harness.builder(this.transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.surpriseCapacity(2)
			.build()
			.connect(); Scenario s = harness.scenario("listening")) {
			s.expect("orders");
			for (int i = 1; i <= 3; i++) {
				this.transport.deliver(json("orders", "{\"correlation_id\":\"stranger-" + i + "\"}"));
			}
			assertThat(harness.surprises()).extracting(Surprise::correlationId)
				.containsExactly("stranger-2", "stranger-3");
		}
		try (Harness silent = Harness.builder(InMemoryTransport.create()).surpriseCapacity(0).build().connect();
				Scenario s = silent.scenario("closed")) {
			s.expect("orders");
			s.close();
			silent.publish("orders", Map.of());
			assertThat(silent.surprises()).isEmpty();
		}
	}

	@Test // G-98
	void routingIsTheEnginesJobAndCannotBeOverridden() throws NoSuchMethodException {
		assertThat(Modifier.isFinal(Dispatcher.class.getModifiers())).isTrue();
		Method dispatch = Dispatcher.class.getDeclaredMethod("dispatch", Dispatcher.TopicEntry.class,
				TransportMessage.class);
		assertThat(Modifier.isFinal(dispatch.getModifiers())).isTrue();
	}

	@Test
	void aSubscriptionTheBrokerRefusesFailsTheExpectationAndLeavesNothingBehind() {
		try (Harness harness = harness(64); Scenario s = harness.scenario("refused")) {
			this.transport.failingSubscribe(new TransportException("not authorised for 'orders'"));
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> s.expect("orders"))
				.withMessage("Could not subscribe to 'orders' on harness 'fake': not authorised for 'orders'");
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> s.on("orders").publish("replies", Map.of()))
				.withMessage("Could not subscribe to 'orders' on harness 'fake': not authorised for 'orders'");
			assertThat(harness.activeSubscriptionCount()).isZero();
			this.transport.failingSubscribe(null);
			Handle handle = s.expect("orders");
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(s.awaitAll(SHORT).handles()).containsExactly(handle);
		}
	}

	@Test
	void aTestInterruptedWhileSubscribingIsToldSoAndKeepsItsInterrupt() throws Exception {
		CountDownLatch subscribing = new CountDownLatch(1);
		this.transport.unconfirmedSubscriptions().beforeSubscribed(subscribing::countDown);
		try (Harness harness = harness(64); Scenario s = harness.scenario("interrupted")) {
			CompletableFuture<String> outcome = new CompletableFuture<>();
			Thread test = new Thread(() -> {
				try {
					s.expect("orders");
					outcome.complete("subscribed");
				}
				catch (TransportException ex) {
					outcome.complete(ex.getMessage() + " / interrupted=" + Thread.currentThread().isInterrupted());
				}
			});
			test.start();
			assertThat(subscribing.await(30, TimeUnit.SECONDS)).isTrue();
			test.interrupt();
			assertThat(outcome.get(30, TimeUnit.SECONDS))
				.isEqualTo("Interrupted while subscribing to 'orders' / interrupted=true");
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	@Test
	void aSubscriptionTheBrokerNeverConfirmsTimesOutWithAQuestion() {
		try (Harness harness = Harness.builder(this.transport).subscribeTimeout(SHORT).build().connect();
				Scenario s = harness.scenario("unconfirmed")) {
			this.transport.unconfirmedSubscriptions();
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> s.expect("orders"))
				.withMessage("Could not subscribe to 'orders' on harness 'fake' within 50ms; is the broker reachable?");
			assertThat(harness.activeSubscriptionCount()).isZero();
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.publish("orders", Map.of()));
		}
	}

}

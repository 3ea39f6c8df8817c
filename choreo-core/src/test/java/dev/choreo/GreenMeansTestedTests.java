package dev.choreo;

import java.time.Duration;
import java.util.Map;

import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A green result always means something was tested: a refused publish, a connection lost
 * after the trigger or still lost at it, a failed reply and a reply that had to fire and
 * never did each fail the scenario, and {@code Harness.publish} says when its message was
 * not sent.
 */
class GreenMeansTestedTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	@Test
	void anExpectNoneOnlyScenarioFailsWhenItsPublishWasRefused() {
		FakeTransport fake = FakeTransport.named("fake").failingPublish(new TransportException("NOPERM"));
		try (Harness harness = Harness.builder(fake).build().connect();
				Scenario s = harness.scenario("under the limit")) {
			Handle notReviewed = s.expectNone("orders.review", fieldEquals("orderId", "ORD-1"));
			ScenarioResult result = s.publish("orders.created", Map.of("orderId", "ORD-1")).awaitAll(SHORT);
			assertThat(notReviewed.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.passed()).isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessageStartingWith("Scenario 'under the limit' failed: 1 problem (below)\ncorrelation: null\n\n"
						+ "Problems:\n  publish to 'orders.created' on harness 'fake' failed:"
						+ " dev.choreo.transport.TransportException: NOPERM\n");
		}
	}

	@Test
	void aPublishTheTransportThrowsOnIsAFailedPublishToo() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("closed")) {
			s.expectNone("orders.review", fieldEquals("orderId", "ORD-1"));
			fake.close();
			ScenarioResult result = s.publish("orders.created", Map.of("orderId", "ORD-1")).awaitAll(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(result.problems()).containsExactly("publish to 'orders.created' on harness 'fake' failed:"
					+ " dev.choreo.transport.TransportException: The fake transport is not connected");
		}
	}

	@Test
	void aConnectionLostDuringTheScenarioFailsItEvenWhenEveryHandlePassed() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("outage")) {
			s.expectNone("orders.review", fieldEquals("orderId", "ORD-1"));
			fake.loseConnection("broker stopped");
			ScenarioResult result = s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(result.handles()).extracting(Handle::outcome).containsExactly(Outcome.PASS);
			assertThat(result.passed()).isFalse();
			assertThat(result.problems()).singleElement()
				.asString()
				.matches("harness 'fake' lost its connection at \\d+\\.\\dms: broker stopped");
		}
	}

	@Test
	void aConnectionLostBeforeTheTriggerAndBackAfterItFailsTheScenario() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("outage")) {
			s.expect("orders.created");
			fake.loseConnection("broker stopped");
			s.publish("orders.created", Map.of());
			fake.restoreConnection();
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(result.handles()).extracting(Handle::outcome).containsExactly(Outcome.PASS);
			assertThat(result.passed()).isFalse();
			assertThat(result.problems()).singleElement()
				.asString()
				.matches("harness 'fake' lost its connection at \\d+\\.\\dms: broker stopped");
		}
	}

	@Test
	void anOutageThatEndedBeforeTheTriggerIsOnTheTimelineButFailsNothing() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).keepTimelines(true).build().connect();
				Scenario s = harness.scenario("blip")) {
			s.expect("orders.created");
			fake.loseConnection("broker restarted");
			fake.restoreConnection();
			ScenarioResult result = s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(result.problems()).isEmpty();
			assertThat(result.passed()).isTrue();
			assertThat(result.timeline()).extracting(TimelineEntry::action)
				.startsWith(TimelineAction.TRANSPORT_DOWN, TimelineAction.TRANSPORT_UP, TimelineAction.PUBLISHED);
		}
	}

	@Test
	void aTimeoutDuringAnOutageNamesTheOutageBeforeTheRoutingHint() {
		FakeTransport fake = FakeTransport.named("redis");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("outage")) {
			Handle handle = s.expect("orders:status");
			s.publish("orders.created", Map.of());
			fake.loseConnection("connection reset");
			s.awaitAll(SHORT);
			assertThat(handle.reason()).matches("harness 'redis' lost its connection at \\d+\\.\\dms; nothing can"
					+ " arrive while it is down; no matching message arrived on topic 'orders:status' within 50ms;"
					+ " nothing reached it, so check the topic name and the routing");
		}
	}

	@Test
	void aTimeoutAfterAnOutageThatEndedSaysMessagesMayHaveBeenLost() {
		FakeTransport fake = FakeTransport.named("redis");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("blip")) {
			Handle handle = s.expect("orders:status");
			fake.loseConnection("connection reset");
			fake.restoreConnection();
			s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(handle.reason()).matches("harness 'redis' lost its connection at \\d+\\.\\dms and was back at"
					+ " \\d+\\.\\dms; messages sent meanwhile may be lost; no matching message arrived on topic"
					+ " 'orders:status' within 50ms; .*");
		}
	}

	@Test
	void anUntriggeredReplyFailsTheScenarioUnlessItIsOptional() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect()) {
			try (Scenario s = harness.scenario("required")) {
				s.expect("orders.accepted");
				s.on("fraud.check").publish("fraud.result", Map.of("decision", "APPROVE"));
				ScenarioResult result = s.publish("orders.accepted", Map.of()).awaitAll(SHORT);
				assertThat(result.handles()).extracting(Handle::outcome).containsExactly(Outcome.PASS);
				assertThat(result.passed()).isFalse();
				assertThat(result.problems()).containsExactly("reply to 'fraud.check' -> 'fraud.result' was never"
						+ " triggered: no message of this scenario arrived on 'fraud.check'; declare it optional() if"
						+ " the flow may not call it");
			}
			try (Scenario s = harness.scenario("optional")) {
				s.expect("orders.accepted");
				s.on("fraud.check").optional().publish("fraud.result", Map.of("decision", "APPROVE"));
				ScenarioResult result = s.publish("orders.accepted", Map.of()).awaitAll(Duration.ofMinutes(5));
				assertThat(result.passed()).isTrue();
				assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.ARMED_NO_MATCH);
			}
		}
	}

	@Test
	void aReplyWhoseMatcherRefusedEveryTriggerSaysSo() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("refused")) {
			s.on("fraud.check", fieldEquals("amount", 5)).publish("fraud.result", Map.of());
			ScenarioResult result = s.publish("fraud.check", Map.of("amount", 6))
				.publish("fraud.check", Map.of("amount", 7))
				.awaitAll(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(result.problems()).containsExactly("reply to 'fraud.check' -> 'fraud.result' was never"
					+ " triggered: 2 messages of this scenario arrived on 'fraud.check' but its matcher refused them;"
					+ " declare it optional() if the flow may not call it");
		}
	}

	@Test
	void awaitAllWaitsForAReplyThatMustFire() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("waits")) {
			s.on("fraud.check").publish("fraud.result", Map.of());
			s.trigger(() -> {
			});
			Thread later = new Thread(() -> fake.deliver(dev.choreo.transport.TransportMessage.of("fraud.check",
					"{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
			later.start();
			ScenarioResult result = s.awaitAll(Duration.ofMinutes(5));
			assertThat(result.passed()).isTrue();
			assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.REPLIED);
		}
	}

	@Test
	void harnessPublishThrowsTheTransportsReason() {
		FakeTransport fake = FakeTransport.named("fake")
			.failingPublish(new TransportException("TOPIC_AUTHORIZATION_FAILED password=hunter2"));
		try (Harness harness = Harness.builder(fake).build().connect()) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> harness.publish("orders", Map.of()))
				.withMessage("Publishing to 'orders' on harness 'fake' failed: dev.choreo.transport.TransportException:"
						+ " TOPIC_AUTHORIZATION_FAILED password=<redacted>");
		}
	}

	@Test
	void harnessPublishSaysWhichPublishFailedWhenTheTransportThrowsAtOnce() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect()) {
			fake.close();
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> harness.publish("orders", Map.of()))
				.withMessage("Publishing to 'orders' on harness 'fake' failed: dev.choreo.transport.TransportException:"
						+ " The fake transport is not connected");
		}
	}

	@Test
	void harnessPublishThrowsWhenTheTransportNeverConfirms() {
		FakeTransport fake = FakeTransport.named("fake").unconfirmedPublishes();
		try (Harness harness = Harness.builder(fake).publishTimeout(Duration.ofMillis(50)).build().connect()) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> harness.publish("orders", Map.of()))
				.withMessage("Publishing to 'orders' on harness 'fake' was not confirmed within 50ms; is the broker"
						+ " reachable?");
		}
	}

}

package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The timeline shows cause before effect: a publish is recorded when it is handed to the
 * transport, before any delivery it causes, and the transport's acknowledgement or its
 * failure (with the reason) follows as an entry of its own. Replies likewise.
 */
class CausalTimelineTests {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	@Test
	void aPublishComesBeforeItsDeliveryAndItsAcknowledgementAfter() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).keepTimelines(true).build().connect();
				Scenario s = harness.scenario("causal")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(GENEROUS);
			assertThat(result.timeline()).extracting(TimelineEntry::action)
				.containsExactly(TimelineAction.PUBLISHED, TimelineAction.RECEIVED, TimelineAction.MATCHED,
						TimelineAction.ACKNOWLEDGED);
			assertThat(result.timeline()).extracting(TimelineEntry::offsetMillis).isSorted();
		}
	}

	@Test
	void aThreeHopCascadeListsEachCauseBeforeItsEffect() {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.keepTimelines(true)
			.build()
			.connect(); Scenario s = harness.scenario("cascade")) {
			s.on("a").publish("b", Map.of("hop", 1));
			s.on("b").publish("c", Map.of("hop", 2));
			s.expect("c");
			ScenarioResult result = s.publish("a", Map.of("hop", 0)).awaitAll(GENEROUS);
			result.assertPassed();
			List<TimelineEntry> timeline = result.timeline();
			assertThat(timeline).extracting(TimelineEntry::action, TimelineEntry::topic, TimelineEntry::detail)
				.containsExactly(tuple(TimelineAction.PUBLISHED, "a", ""),
						tuple(TimelineAction.RECEIVED, "a", "reply:b"), tuple(TimelineAction.REPLIED, "a", "reply=b"),
						tuple(TimelineAction.RECEIVED, "b", "reply:c"), tuple(TimelineAction.REPLIED, "b", "reply=c"),
						tuple(TimelineAction.RECEIVED, "c", "expect"),
						tuple(TimelineAction.MATCHED, "c", "anyPayload()"),
						tuple(TimelineAction.ACKNOWLEDGED, "c", "reply"),
						tuple(TimelineAction.ACKNOWLEDGED, "b", "reply"), tuple(TimelineAction.ACKNOWLEDGED, "a", ""));
		}
	}

	@Test
	void aRefusedPublishIsRecordedWithTheTransportsReasonAfterItWasHandedOver() {
		FakeTransport fake = FakeTransport.named("fake")
			.failingPublish(new TransportException("Redis PUBLISH to 'orders' failed: NOPERM no permissions"));
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("refused")) {
			s.expectNone("orders.cancelled", dev.choreo.match.Matchers.anyPayload());
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(Duration.ofMillis(20));
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::detail)
				.startsWith(tuple(TimelineAction.PUBLISHED, ""),
						tuple(TimelineAction.PUBLISH_FAILED,
								"dev.choreo.transport.TransportException: Redis PUBLISH to 'orders' failed: NOPERM no"
										+ " permissions"));
		}
	}

	@Test
	void aReplyThatFailsToPublishSaysWhyInTheTimeline() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("reply")) {
			s.on("orders").publish("confirmations", Map.of());
			fake.failingPublish(new TransportException("record too large"));
			s.publish("orders", Map.of());
			fake.deliver(dev.choreo.transport.TransportMessage.of("orders", "{}".getBytes()));
			ScenarioResult result = s.awaitAll(GENEROUS);
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::detail)
				.containsSubsequence(tuple(TimelineAction.REPLIED, "reply=confirmations"), tuple(
						TimelineAction.REPLY_FAILED, "reply=confirmations error=TransportException: record too large"));
			assertThat(result.problems()).contains("reply to 'orders' -> 'confirmations' failed: publishing it to"
					+ " 'confirmations' on harness 'fake' failed: dev.choreo.transport.TransportException: record too"
					+ " large");
		}
	}

}

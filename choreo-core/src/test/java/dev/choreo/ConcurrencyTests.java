package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine under concurrent delivery: many scenarios on one harness, one expectation
 * hit by many threads at once, a message racing the deadline, and concurrent replies on
 * shared topics. Synchronised with latches, barriers and futures only. Checklist item
 * F-80.
 */
class ConcurrencyTests {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	private final ExecutorService pool = Executors.newFixedThreadPool(16);

	@AfterEach
	void stopPool() throws InterruptedException {
		this.pool.shutdownNow();
		assertThat(this.pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
	}

	private static <T> List<T> join(List<CompletableFuture<T>> futures) throws Exception {
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private static TransportMessage json(String topic, String json) {
		return TransportMessage.of(topic, json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aThousandScenariosOnOneHarnessEachMatchOnlyTheirOwnMessage() throws Exception {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect()) {
			List<Handle> handles = join(IntStream.range(0, 1000)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> ownMessage(harness, "orders", i), this.pool))
				.toList());
			assertThat(handles).allSatisfy((handle) -> {
				assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
				assertThat(handle.attempts()).isZero();
			});
			assertThat(harness.activeSubscriptionCount()).isZero();
			assertThat(harness.transportSubscriptionCount()).isEqualTo(1);
			assertThat(harness.surprises()).isEmpty();
		}
	}

	@Test
	void scenariosChurningSubscriptionsOnSharedTopicsNeverLoseAMessage() throws Exception {
		FakeTransport transport = FakeTransport.named("churn");
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.idleSubscriptions(0)
			.build()
			.connect()) {
			List<Handle> handles = join(IntStream.range(0, 1000)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> ownMessage(harness, "topic-" + (i % 4), i),
						this.pool))
				.toList());
			assertThat(handles).allSatisfy((handle) -> {
				assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
				assertThat(handle.attempts()).isZero();
			});
			assertThat(harness.activeSubscriptionCount()).isZero();
			assertThat(harness.transportSubscriptionCount()).isZero();
			assertThat(transport.subscriptionCount()).isZero();
			assertThat(transport.unsubscribes.get()).isEqualTo(transport.subscribes.get());
		}
	}

	@Test
	void aThousandScenariosOnANetworkTransportMatchInTheirLanesOnlyTheirOwnMessage() throws Exception {
		FakeTransport transport = FakeTransport.named("network").asynchronous();
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect()) {
			List<Handle> handles = join(IntStream.range(0, 1000)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> ownMessage(harness, "topic-" + (i % 4), i),
						this.pool))
				.toList());
			assertThat(handles).allSatisfy((handle) -> {
				assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
				assertThat(handle.attempts()).isZero();
			});
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	private static Handle ownMessage(Harness harness, String topic, int n) {
		try (Scenario s = harness.scenario("scope-" + n)) {
			Handle handle = s.expect(topic, fieldEquals("n", n));
			ScenarioResult result = s.publish(topic, Map.of("n", n)).awaitAll(GENEROUS);
			assertThat(result.passed()).as(result::failureSummary).isTrue();
			return handle;
		}
	}

	@Test
	void manyThreadsDeliveringMatchesAtOnceResolveTheHandleExactlyOnce() {
		FakeTransport transport = FakeTransport.named("fan-out").fanOut(32);
		try (Harness harness = Harness.builder(transport).keepTimelines(true).build().connect()) {
			for (int round = 0; round < 20; round++) {
				try (Scenario s = harness.scenario("race-" + round)) {
					Handle handle = s.expect("orders", fieldEquals("ok", true));
					s.publish("orders", Map.of("ok", true));
					Outcome outcome = handle.outcome();
					Object message = handle.message();
					Duration latency = handle.latency();
					String reason = handle.reason();
					ScenarioResult result = s.awaitAll(GENEROUS);
					s.publish("orders", Map.of("ok", true));
					assertThat(outcome).isEqualTo(Outcome.PASS);
					assertThat(handle.outcome()).isEqualTo(outcome);
					assertThat(handle.message()).isSameAs(message);
					assertThat(handle.latency()).isEqualTo(latency);
					assertThat(handle.reason()).isEqualTo(reason);
					assertThat(handle.matchCount()).isEqualTo(1);
					assertThat(handle.attempts()).isZero();
					assertThat(result.timeline()).filteredOn((entry) -> entry.action() == TimelineAction.MATCHED)
						.hasSize(1);
					assertThat(result.timeline()).filteredOn((entry) -> entry.action() == TimelineAction.RECEIVED)
						.hasSize(1);
				}
			}
		}
	}

	@Test
	void matchesAndNearMissesDeliveredAtOnceAreCountedConsistently() throws Exception {
		FakeTransport transport = FakeTransport.named("mixed");
		ExecutorService deliverers = Executors.newFixedThreadPool(32);
		try (Harness harness = Harness.builder(transport).keepTimelines(true).build().connect()) {
			for (int round = 0; round < 20; round++) {
				try (Scenario s = harness.scenario("mixed-" + round)) {
					Handle handle = s.expect("orders", fieldEquals("ok", true));
					s.trigger(() -> {
					});
					CyclicBarrier start = new CyclicBarrier(32);
					List<CompletableFuture<Void>> deliveries = new ArrayList<>();
					for (int i = 0; i < 32; i++) {
						boolean match = i % 4 == 0;
						deliveries.add(CompletableFuture.runAsync(() -> {
							await(start);
							transport.deliver(json("orders", "{\"ok\":" + match + "}"));
						}, deliverers));
					}
					join(deliveries);
					ScenarioResult result = s.awaitAll(GENEROUS);
					List<TimelineEntry> timeline = result.timeline();
					assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
					assertThat(timeline).filteredOn((entry) -> entry.action() == TimelineAction.MATCHED).hasSize(1);
					assertThat(timeline).filteredOn((entry) -> entry.action() == TimelineAction.MISMATCHED)
						.hasSize(handle.attempts())
						.hasSizeLessThanOrEqualTo(24);
					assertThat(handle.failures()).hasSize(Math.min(handle.attempts(), 20));
					assertThat(timeline).filteredOn((entry) -> entry.action() == TimelineAction.RECEIVED)
						.hasSize(handle.attempts() + 1);
					assertThat(timeline).extracting(TimelineEntry::offsetMillis).isSorted();
				}
			}
		}
		finally {
			deliverers.shutdownNow();
		}
	}

	@Test
	void aMessageRacingTheDeadlineNeverTurnsATimeoutIntoAPass() throws Exception {
		FakeTransport transport = FakeTransport.named("race");
		int timeouts = 0;
		try (Harness harness = Harness.builder(transport).build().connect()) {
			for (int round = 0; round < 200; round++) {
				try (Scenario s = harness.scenario("deadline-" + round)) {
					Handle handle = s.expect("orders");
					s.trigger(() -> {
					});
					CyclicBarrier start = new CyclicBarrier(2);
					CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
						await(start);
						transport.deliver(json("orders", "{}"));
					}, this.pool);
					await(start);
					ScenarioResult result = s.awaitAll(Duration.ZERO);
					Outcome atDeadline = handle.outcome();
					late.get(30, TimeUnit.SECONDS);
					assertThat(atDeadline).isIn(Outcome.PASS, Outcome.TIMEOUT);
					assertThat(handle.outcome()).isEqualTo(atDeadline);
					assertThat(result.passed()).isEqualTo(atDeadline == Outcome.PASS);
					List<TimelineAction> actions = result.timeline().stream().map(TimelineEntry::action).toList();
					if (atDeadline == Outcome.TIMEOUT) {
						timeouts++;
						assertThat(actions).contains(TimelineAction.DEADLINE).doesNotContain(TimelineAction.MATCHED);
						assertThat(handle.message()).isNull();
					}
					else {
						assertThat(actions).doesNotContain(TimelineAction.DEADLINE);
					}
				}
			}
		}
		assertThat(timeouts).isPositive();
	}

	@Test // F-80
	void twentyConcurrentScenariosSharingReplyTopicsEachFireTheirOwnReplyOnce() throws Exception {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.build()
			.connect()) {
			CountDownLatch ready = new CountDownLatch(20);
			ExecutorService twenty = Executors.newFixedThreadPool(20);
			try {
				List<ScenarioResult> results = join(
						IntStream.range(0, 20).mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
							try (Scenario s = harness.scenario("reply-" + i)) {
								Handle confirmed = s.expect("confirmations", fieldEquals("for", i));
								s.on("orders")
									.publish("confirmations",
											(trigger) -> Map.of("for", ((Map<?, ?>) trigger).get("n")));
								ready.countDown();
								await(ready);
								ScenarioResult result = s.publish("orders", Map.of("n", i)).awaitAll(GENEROUS);
								assertThat(confirmed.attempts()).isZero();
								return result;
							}
						}, twenty)).toList());
				assertThat(results).allSatisfy((result) -> {
					assertThat(result.passed()).as(result::failureSummary).isTrue();
					ReplyReport reply = result.replyAt("orders");
					assertThat(reply.candidateCount()).isEqualTo(1);
					assertThat(reply.matchCount()).isEqualTo(1);
					assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
				});
			}
			finally {
				twenty.shutdownNow();
			}
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not every scenario got ready");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * User code cannot break the harness: whatever a matcher, a reply builder, a codec or an
 * observer throws ({@code Error}s included) is recorded against what it belongs to; it
 * never runs under the scope's lock or on a transport's delivery thread; a slow matcher
 * or a blocked reply holds up only its own scenario; and no one changes what another saw.
 */
class UserCodeBoundaryTests {

	private static final Duration GENEROUS = Duration.ofSeconds(30);

	private static final Duration SHORT = Duration.ofMillis(50);

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static TransportMessage own(Scenario scenario, String topic) {
		return TransportMessage.of(topic, json("{\"cid\":\"" + scenario.correlationId() + "\"}"));
	}

	@Test
	void aReplyBuilderThatThrowsAnAssertionErrorFailsItsReplyAndTheHarnessCarriesOn() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect()) {
			try (Scenario s = harness.scenario("fake asserts")) {
				s.on("fraud.check").respond((trigger) -> {
					assertThat(trigger).isEqualTo(Map.of("amount", 5));
					return Map.of();
				});
				assertThatNoException().isThrownBy(() -> s.publish("fraud.check", Map.of("amount", 6)));
				ScenarioResult result = s.awaitAll(SHORT);
				assertThat(result.passed()).isFalse();
				assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.REPLY_FAILED);
				assertThat(result.replyAt("fraud.check").builderError()).isEqualTo("AssertionFailedError");
				assertThat(result.problems()).singleElement()
					.asString()
					.startsWith("reply to 'fraud.check' -> '<reply-to>' failed: reply builder raised"
							+ " org.opentest4j.AssertionFailedError: expected: {\"amount\"=5} but was: {\"amount\"=6}");
			}
			try (Scenario next = harness.scenario("next")) {
				next.expect("orders");
				next.publish("orders", Map.of()).awaitAll(GENEROUS).assertPassed();
			}
		}
	}

	@Test
	void aMatcherThatThrowsAnErrorIsANearMissAndOtherExpectationsStillMatch() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("error")) {
			Handle broken = s.expect("orders", new Throwing(new NoClassDefFoundError("com/example/Missing")));
			Handle fine = s.expect("orders");
			assertThatNoException().isThrownBy(() -> s.publish("orders", Map.of()));
			s.awaitAll(SHORT);
			assertThat(broken.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(broken.lastMismatchReason()).isEqualTo("matcher raised java.lang.NoClassDefFoundError");
			assertThat(fine.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void matchersAndBuildersRunWithoutTheScopesLock() {
		List<Boolean> locked = new CopyOnWriteArrayList<>();
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("unlocked")) {
			s.expect("orders", satisfies("probe", (Object payload) -> locked.add(s.scope().lock.isLocked())));
			s.on("orders").publish("confirmations", (trigger) -> {
				locked.add(s.scope().lock.isLocked());
				return Map.of();
			});
			s.publish("orders", Map.of()).awaitAll(GENEROUS).assertPassed();
			assertThat(locked).containsExactly(false, false);
		}
	}

	@Test
	void onANetworkTransportMatchersRunOffTheDeliveringThread() {
		FakeTransport fake = FakeTransport.named("fake").asynchronous();
		List<String> threads = new CopyOnWriteArrayList<>();
		try (Harness harness = Harness.builder(fake).build().connect(); Scenario s = harness.scenario("lane")) {
			s.expect("orders", satisfies("probe", (Object payload) -> threads.add(Thread.currentThread().getName())));
			s.publish("orders", Map.of()).awaitAll(GENEROUS).assertPassed();
			assertThat(threads).singleElement().asString().startsWith("choreo-fake-lane-");
		}
	}

	@Test
	void aMessageArrivingWhileTheTestWaitsIsMatchedOnTheWaitingThreadInOrder() throws Exception {
		FakeTransport fake = FakeTransport.named("fake").asynchronous();
		List<String> threads = new CopyOnWriteArrayList<>();
		List<Object> seen = new CopyOnWriteArrayList<>();
		try (Harness harness = Harness.builder(fake).correlation(CorrelationPolicy.field("cid")).build().connect();
				Scenario s = harness.scenario("handed")) {
			s.expect("orders", satisfies("probe", (Object payload) -> {
				threads.add(Thread.currentThread().getName());
				seen.add(((Map<?, ?>) payload).get("n"));
				assertThat(seen).hasSize(3);
			}));
			s.trigger(() -> {
			});
			Thread test = Thread.currentThread();
			Thread delivery = new Thread(() -> {
				awaitWaiting(test);
				for (int n = 1; n <= 3; n++) {
					fake.deliver(TransportMessage.of("orders",
							json("{\"cid\":\"" + s.correlationId() + "\",\"n\":" + n + "}")));
				}
			}, "broker-delivery");
			delivery.start();
			s.awaitAll(GENEROUS).assertPassed();
			delivery.join(GENEROUS.toMillis());
			assertThat(seen).containsExactly(1, 2, 3);
			assertThat(threads).isNotEmpty().allSatisfy((name) -> assertThat(name).isEqualTo(test.getName()));
		}
	}

	private static void awaitWaiting(Thread thread) {
		long deadline = System.nanoTime() + GENEROUS.toNanos();
		while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	@Test
	void aSlowMatcherHoldsUpOnlyItsOwnScenario() throws Exception {
		FakeTransport fake = FakeTransport.named("fake").asynchronous();
		CountDownLatch release = new CountDownLatch(1);
		try (Harness harness = Harness.builder(fake).correlation(CorrelationPolicy.field("cid")).build().connect();
				Scenario slow = harness.scenario("slow");
				Scenario quick = harness.scenario("quick")) {
			Handle held = slow.expect("orders", satisfies("waits", (Object payload) -> await(release)));
			Handle fast = quick.expect("orders");
			slow.trigger(() -> {
			});
			quick.trigger(() -> {
			});
			Thread delivery = new Thread(() -> {
				fake.deliver(own(slow, "orders"));
				fake.deliver(own(quick, "orders"));
			}, "broker-delivery");
			delivery.start();
			try {
				quick.awaitAll(GENEROUS);
				assertThat(fast.outcome()).isEqualTo(Outcome.PASS);
			}
			finally {
				release.countDown();
			}
			delivery.join(GENEROUS.toMillis());
			slow.awaitAll(GENEROUS);
			assertThat(held.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void aReplyWhosePublishBlocksHoldsUpNoOtherScenario() throws Exception {
		CountDownLatch metadata = new CountDownLatch(1);
		FakeTransport fake = FakeTransport.named("fake").asynchronous().blockingPublish("slow.topic", metadata);
		try (Harness harness = Harness.builder(fake).correlation(CorrelationPolicy.field("cid")).build().connect();
				Scenario blocked = harness.scenario("blocked");
				Scenario other = harness.scenario("other")) {
			blocked.on("orders").publish("slow.topic", Map.of());
			Handle fine = other.expect("orders");
			blocked.trigger(() -> {
			});
			other.trigger(() -> {
			});
			Thread delivery = new Thread(() -> {
				fake.deliver(own(blocked, "orders"));
				fake.deliver(own(other, "orders"));
			}, "broker-delivery");
			delivery.start();
			try {
				other.awaitAll(GENEROUS);
				assertThat(fine.outcome()).isEqualTo(Outcome.PASS);
			}
			finally {
				metadata.countDown();
			}
			delivery.join(GENEROUS.toMillis());
			assertThat(blocked.awaitAll(GENEROUS).replyAt("orders").state()).isEqualTo(ReplyReportState.REPLIED);
		}
	}

	@Test
	void aBuilderGetsItsOwnCopyOfTheTriggerAndMatchersAReadOnlyOne() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("mutating")) {
			Handle seen = s.expect("orders");
			Handle meddling = s.expect("orders",
					satisfies("mutates", (Map<String, Object> payload) -> payload.put("status", "MUTATED")));
			s.on("orders").publish("confirmations", (trigger) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> order = (Map<String, Object>) trigger;
				order.put("status", "CONFIRMED");
				((List<Object>) order.get("lines")).add("extra");
				return order;
			});
			Handle confirmed = s.expect("confirmations", fieldEquals("status", "CONFIRMED"));
			s.publish("orders", Map.of("status", "NEW", "lines", List.of("a"))).awaitAll(SHORT);
			assertThat(confirmed.outcome()).isEqualTo(Outcome.PASS);
			assertThat(seen.message()).isEqualTo(Map.of("status", "NEW", "lines", List.of("a")));
			assertThat(meddling.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(meddling.lastMismatchReason()).contains("UnsupportedOperationException");
		}
	}

	@Test
	void aCodecThatThrowsAnErrorLosesOnlyThatMessage() {
		Codec fussy = new Codec() {

			@Override
			public byte[] encode(@Nullable Object payload) {
				return Codec.json().encode(payload);
			}

			@Override
			public @Nullable Object decode(byte[] bytes) {
				if (new String(bytes, StandardCharsets.UTF_8).contains("poison")) {
					throw new ExceptionInInitializerError("codec broke");
				}
				return Codec.json().decode(bytes);
			}

			@Override
			public <T> T decode(byte[] bytes, Class<T> type) {
				return Codec.json().decode(bytes, type);
			}

		};
		try (Harness harness = Harness.builder(InMemoryTransport.create()).codec(fussy).build().connect();
				Scenario s = harness.scenario("codec")) {
			Handle handle = s.expect("orders", fieldEquals("n", 2));
			assertThatNoException().isThrownBy(() -> s.publish("orders", Map.of("n", "poison")));
			s.publish("orders", Map.of("n", 2)).awaitAll(GENEROUS).assertPassed();
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test
	void anObserverThatThrowsAnErrorNeverChangesTheOutcome() {
		AtomicBoolean called = new AtomicBoolean();
		ScenarioObserver broken = new ScenarioObserver() {

			@Override
			public void scenarioStarted(ScenarioStarted scenario) {
				throw new AssertionError("observer broke");
			}

			@Override
			public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
				called.set(true);
				throw new AssertionError("observer broke");
			}

		};
		try (Harness harness = Harness.builder(InMemoryTransport.create()).observer(broken).build().connect();
				Scenario s = harness.scenario("observed")) {
			s.expect("orders");
			s.publish("orders", Map.of()).awaitAll(GENEROUS).assertPassed();
		}
		assertThat(called).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class Throwing implements MessageMatcher {

		private final Error error;

		Throwing(Error error) {
			this.error = error;
		}

		@Override
		public String description() {
			return "throws";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			throw this.error;
		}

	}

}

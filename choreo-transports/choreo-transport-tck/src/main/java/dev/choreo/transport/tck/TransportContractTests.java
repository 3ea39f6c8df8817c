package dev.choreo.transport.tck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.OutboundMessage;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.Surprise;
import dev.choreo.TimelineAction;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract every transport keeps, proven on its real broker. A transport module
 * extends this class, says how to build its transport, and every test here runs against
 * that broker: delivery, fan-out, unsubscribe, order, large and binary payloads, headers
 * and keys, every outcome of a scenario, correlation isolation under concurrency,
 * replies, connect failures, and clean-up.
 */
public abstract class TransportContractTests {

	/**
	 * Return a new, unconnected transport to the test broker.
	 * @return the transport
	 */
	protected abstract Transport createTransport();

	/**
	 * Return a new, unconnected transport pointed at a loopback port where nothing
	 * listens, with a connect timeout of at most a few seconds.
	 * @param port the port
	 * @return the transport
	 */
	protected abstract Transport createUnreachableTransport(int port);

	/**
	 * Skip (or fail, when required) unless the test broker is reachable.
	 */
	protected abstract void requireBroker();

	/**
	 * Return how many broker-side resources (subscriptions, queues, consumers) still
	 * exist for a topic, as seen from a separate client.
	 * @param topic the topic
	 * @return the count
	 */
	protected abstract int brokerResources(String topic);

	/**
	 * Return whether the broker keeps resources per subscription that
	 * {@link #brokerResources(String)} can count (Kafka's assigned consumer keeps none).
	 * @return whether broker-side resources can be counted
	 */
	protected boolean brokerTracksSubscriptions() {
		return true;
	}

	/**
	 * Return whether a thread started during a test belongs to the application the
	 * transport runs in, not to the transport, and so may outlive it: a client the
	 * application caches, such as the producer of an output binding a Spring Cloud Stream
	 * {@code StreamBridge} keeps for a destination. The default is none.
	 * @param thread the thread
	 * @return whether the application owns the thread
	 */
	protected boolean isApplicationThread(Thread thread) {
		return false;
	}

	/**
	 * Return a unique topic name in the broker's naming style.
	 * @param base a readable base
	 * @return the topic
	 */
	protected String topic(String base) {
		return "choreo.tck." + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Return the deadline for scenarios that are expected to pass.
	 * @return the deadline
	 */
	protected Duration deadline() {
		return Duration.ofSeconds(10);
	}

	/**
	 * Return how long to watch for a message that must not arrive.
	 * @return the window
	 */
	protected Duration silence() {
		return Duration.ofMillis(500);
	}

	/**
	 * Return the deadline of scenarios that are expected to time out.
	 * @return the deadline
	 */
	protected Duration shortDeadline() {
		return Duration.ofMillis(400);
	}

	@BeforeEach
	void requireTheBroker() {
		requireBroker();
	}

	/**
	 * Build and connect a harness over a new transport from {@link #createTransport()}.
	 * @param policy the correlation policy of the harness
	 * @return the connected harness
	 */
	protected Harness harness(CorrelationPolicy policy) {
		return Harness.builder(createTransport()).correlation(policy).build().connect();
	}

	/**
	 * Build and connect a harness that correlates by the {@code correlation_id} field.
	 * @return the connected harness
	 */
	protected Harness correlatedHarness() {
		return harness(CorrelationPolicy.field("correlation_id"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private Subscription subscribe(Transport transport, String topic, BlockingQueue<TransportMessage> into)
			throws Exception {
		return Deliveries.subscribe(transport, topic, into, deadline());
	}

	private TransportMessage next(BlockingQueue<TransportMessage> queue) throws InterruptedException {
		return Deliveries.next(queue, deadline());
	}

	private void assertSilent(BlockingQueue<TransportMessage> queue) throws InterruptedException {
		assertThat(queue.poll(silence().toMillis(), TimeUnit.MILLISECONDS)).as("no further message").isNull();
	}

	// --- the raw transport
	// ------------------------------------------------------------------

	@Test
	void connectsAndClosesIdempotently() {
		Transport transport = createTransport();
		transport.connect(dev.choreo.transport.TransportListener.NONE);
		transport.connect(dev.choreo.transport.TransportListener.NONE);
		assertThat(transport.isConnected()).isTrue();
		transport.close();
		transport.close();
		assertThat(transport.isConnected()).isFalse();
	}

	@Test
	void deliversPublishedBytesExactlyOnce() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("once");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			transport.publish(TransportMessage.of(topic, bytes("hello")), PublishCallback.NONE);
			assertThat(next(received).payload()).isEqualTo(bytes("hello"));
			assertSilent(received);
		}
	}

	@Test
	void deliversToEverySubscriptionOfATopic() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("fanout");
			BlockingQueue<TransportMessage> first = new LinkedBlockingQueue<>();
			BlockingQueue<TransportMessage> second = new LinkedBlockingQueue<>();
			subscribe(transport, topic, first);
			subscribe(transport, topic, second);
			transport.publish(TransportMessage.of(topic, bytes("both")), PublishCallback.NONE);
			assertThat(next(first).payload()).isEqualTo(bytes("both"));
			assertThat(next(second).payload()).isEqualTo(bytes("both"));
		}
	}

	@Test
	void stopsDeliveringAfterUnsubscribe() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("unsubscribe");
			BlockingQueue<TransportMessage> gone = new LinkedBlockingQueue<>();
			BlockingQueue<TransportMessage> kept = new LinkedBlockingQueue<>();
			Subscription subscription = subscribe(transport, topic, gone);
			subscribe(transport, topic, kept);
			subscription.unsubscribe();
			subscription.unsubscribe();
			transport.publish(TransportMessage.of(topic, bytes("after")), PublishCallback.NONE);
			assertThat(next(kept).payload()).isEqualTo(bytes("after"));
			assertSilent(gone);
		}
	}

	@Test
	void keepsTheOrderOfABurst() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("burst");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			for (int i = 0; i < 50; i++) {
				transport.publish(TransportMessage.of(topic, bytes("m" + i)), PublishCallback.NONE);
			}
			List<String> order = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				order.add(new String(next(received).payload(), StandardCharsets.UTF_8));
			}
			assertThat(order)
				.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj((i) -> "m" + i).toList());
		}
	}

	@Test
	void carriesAOneMebibytePayloadAndBinaryBytes() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("large");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			byte[] large = new byte[1024 * 1024];
			for (int i = 0; i < large.length; i++) {
				large[i] = (byte) (i * 31);
			}
			byte[] binary = { 0, (byte) 0xff, 0x10, (byte) 0x80, 0, 0x7f };
			transport.publish(TransportMessage.of(topic, large), PublishCallback.NONE);
			transport.publish(TransportMessage.of(topic, binary), PublishCallback.NONE);
			assertThat(next(received).payload()).isEqualTo(large);
			assertThat(next(received).payload()).isEqualTo(binary);
		}
	}

	@Test
	void carriesHeadersAndKeysWhereTheBrokerDoes() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = topic("metadata");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			Map<String, String> headers = Map.of("x-tenant", "acme", "x-trace", "t-1");
			transport.publish(new TransportMessage(topic, bytes("{}"), headers, "ORD-1", null), PublishCallback.NONE);
			TransportMessage message = next(received);
			if (transport.capabilities().headers()) {
				assertThat(message.headers()).containsAllEntriesOf(headers);
			}
			else {
				assertThat(message.headers()).isEmpty();
			}
			if (transport.capabilities().keys()) {
				assertThat(message.key()).isEqualTo("ORD-1");
			}
			assertThat(message.payload()).isEqualTo(bytes("{}"));
		}
	}

	@Test
	void reportsEveryPublishAsSent() throws Exception {
		try (Transport transport = createTransport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
			transport.publish(TransportMessage.of(topic("sent"), bytes("x")), new PublishCallback() {

				@Override
				public void onSent() {
					outcomes.add("sent");
				}

				@Override
				public void onError(Throwable error) {
					outcomes.add("error " + error);
				}

			});
			assertThat(outcomes.poll(deadline().toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("sent");
		}
	}

	@Test
	void failsFastWithAClearMessageWhenTheBrokerIsUnreachable() {
		int port = Brokers.freePort();
		Transport transport = createUnreachableTransport(port);
		long start = System.nanoTime();
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> transport.connect(dev.choreo.transport.TransportListener.NONE))
			.withMessageContaining(String.valueOf(port));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(transport.isConnected()).isFalse();
		transport.close();
	}

	// --- scenarios
	// --------------------------------------------------------------------------

	@Test
	void passesWithALatencyWhenTheMessageArrives() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("pass")) {
			String topic = topic("pass");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK"));
			ScenarioResult result = scenario.publish(topic, Map.of("status", "OK")).awaitAll(deadline());
			result.assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(handle.latency()).isPositive().isLessThan(deadline());
			assertThat(handle.message()).isEqualTo(Map.of("status", "OK", "correlation_id", scenario.correlationId()));
		}
	}

	@Test
	void isSlowWhenTheMatchMissesItsBudget() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("slow")) {
			String topic = topic("slow");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK")).within(Duration.ofNanos(1));
			ScenarioResult result = scenario.publish(topic, Map.of("status", "OK")).awaitAll(deadline());
			assertThat(handle.outcome()).isEqualTo(Outcome.SLOW);
			assertThat(result.passed()).isFalse();
			assertThat(result.failureSummary()).contains("[SLOW]").contains("budget");
		}
	}

	@Test
	void timesOutWhenNothingArrives() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("silent")) {
			String topic = topic("silent");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK"));
			scenario.publish(topic("elsewhere"), Map.of("status", "OK")).awaitAll(shortDeadline());
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test
	void failsWithNearMissesWhenWrongMessagesArrive() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("near-miss")) {
			String topic = topic("near");
			Handle handle = scenario.expect(topic, fieldEquals("status", "SETTLED"));
			scenario.publish(topic, Map.of("status", "PENDING"));
			scenario.publish(topic, Map.of("status", "REJECTED"));
			ScenarioResult result = awaitAttempts(scenario, handle, 2);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.attempts()).isEqualTo(2);
			assertThat(handle.lastMismatchReason()).isEqualTo("at status: expected \"SETTLED\", got \"REJECTED\"");
			assertThat(result.failureSummary()).contains("[FAIL]")
				.contains("2 messages carrying this scenario's correlation id arrived but failed the matcher");
		}
	}

	private ScenarioResult awaitAttempts(Scenario scenario, Handle handle, int attempts) {
		Waits.until(deadline(), () -> handle.attempts() >= attempts);
		return scenario.awaitAll(Duration.ofMillis(1));
	}

	@Test
	void rejectsANonJsonPayloadWithAClearReason() {
		try (Harness harness = harness(CorrelationPolicy.none()); Scenario scenario = harness.scenario("not-json")) {
			String topic = topic("notjson");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK"));
			scenario.publish(topic, bytes("plain text, not JSON"));
			awaitAttempts(scenario, handle, 1);
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(handle.lastMismatchReason()).startsWith("payload is not JSON (20 bytes)");
		}
	}

	@Test
	void staysTimeoutWhenTheMatchArrivesAfterTheDeadline() {
		try (Harness harness = correlatedHarness()) {
			String topic = topic("late");
			Handle handle;
			String id;
			try (Scenario scenario = harness.scenario("late")) {
				id = java.util.Objects.requireNonNull(scenario.correlationId());
				handle = scenario.expect(topic, fieldEquals("status", "OK"));
				scenario.publish(topic("other"), Map.of("status", "OK")).awaitAll(shortDeadline());
			}
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			harness.publish(topic, Map.of("status", "OK", "correlation_id", id));
			assertThat(Waits.until(deadline(),
					() -> harness.surprises().stream().anyMatch((surprise) -> id.equals(surprise.correlationId()))))
				.as("the late message reached the harness")
				.isTrue();
			assertThat(harness.surprises()).filteredOn((surprise) -> id.equals(surprise.correlationId()))
				.extracting(Surprise::kind)
				.containsExactly(Surprise.Kind.LATE);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
		}
	}

	@Test
	void isLiveBeforeExpectReturns200TimesInARow() {
		try (Harness harness = correlatedHarness()) {
			for (int i = 0; i < 200; i++) {
				try (Scenario scenario = harness.scenario("live-" + i)) {
					String topic = topic("live" + i);
					scenario.expect(topic, fieldEquals("n", i));
					ScenarioResult result = scenario.publish(topic, Map.of("n", i)).awaitAll(deadline());
					assertThat(result.passed()).as("scenario %d of 200", i).isTrue();
				}
			}
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	@Test
	void offersAMessageToEveryScenarioWithoutCorrelation() {
		try (Harness harness = harness(CorrelationPolicy.none());
				Scenario first = harness.scenario("first");
				Scenario second = harness.scenario("second")) {
			String topic = topic("broadcast");
			Handle one = first.expect(topic, fieldEquals("from", "a"));
			Handle two = second.expect(topic, fieldEquals("from", "a"));
			first.publish(topic, Map.of("from", "a")).awaitAll(deadline());
			second.trigger(() -> {
			}).awaitAll(deadline());
			assertThat(one.outcome()).isEqualTo(Outcome.PASS);
			assertThat(two.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void ignoresMessagesOfForeignCorrelationIds() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("foreign")) {
			String topic = topic("foreign");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK"));
			scenario.publish(topic, bytes("{\"status\":\"OK\",\"correlation_id\":\"someone-else\"}"));
			scenario.awaitAll(shortDeadline());
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test
	void keepsOneHundredConcurrentScenariosApart() throws Exception {
		try (Harness harness = correlatedHarness()) {
			String topic = topic("concurrent");
			ExecutorService executor = Executors.newFixedThreadPool(16);
			try {
				List<Callable<Handle>> tasks = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					int n = i;
					tasks.add(() -> {
						try (Scenario scenario = harness.scenario("concurrent-" + n)) {
							Handle handle = scenario.expect(topic, fieldEquals("n", n));
							scenario.publish(topic, Map.of("n", n)).awaitAll(deadline());
							return handle;
						}
					});
				}
				List<Handle> handles = new ArrayList<>();
				for (Future<Handle> future : executor.invokeAll(tasks)) {
					handles.add(future.get());
				}
				assertThat(handles).extracting(Handle::outcome).containsOnly(Outcome.PASS);
				assertThat(handles).extracting(Handle::attempts).containsOnly(0);
				Set<Object> correlationIds = new HashSet<>();
				handles.forEach((handle) -> correlationIds.add(asMap(handle.message()).get("correlation_id")));
				assertThat(correlationIds).hasSize(100);
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	@Test
	void ignoresMessagesThatLostTheirIdAndSaysTheServiceMayDropIt() throws Exception {
		String orders = topic("dropping.orders");
		String approved = topic("dropping.approved");
		try (Transport service = createTransport(); Harness harness = correlatedHarness()) {
			service.connect(dev.choreo.transport.TransportListener.NONE);
			service
				.subscribe(orders,
						(message) -> service.publish(TransportMessage.of(approved, bytes("{\"status\":\"APPROVED\"}")),
								PublishCallback.NONE))
				.toCompletableFuture()
				.get(deadline().toMillis(), TimeUnit.MILLISECONDS);
			List<Scenario> scenarios = List.of(harness.scenario("first"), harness.scenario("second"));
			try {
				List<Handle> handles = new ArrayList<>();
				for (Scenario scenario : scenarios) {
					handles.add(scenario.expect(approved, fieldEquals("status", "APPROVED")));
				}
				for (Scenario scenario : scenarios) {
					scenario.publish(orders, Map.of("order", scenario.name()));
				}
				Waits.until(deadline(),
						() -> harness.surprises()
							.stream()
							.filter((surprise) -> surprise.kind() == Surprise.Kind.UNIDENTIFIED)
							.count() >= 2);
				for (Scenario scenario : scenarios) {
					scenario.awaitAll(shortDeadline());
				}
				assertThat(handles).extracting(Handle::outcome).containsOnly(Outcome.TIMEOUT);
				assertThat(handles).extracting(Handle::attempts).containsOnly(0);
				assertThat(handles).allSatisfy((handle) -> assertThat(handle.reason())
					.contains(" without a correlation id arrived on '" + approved + "' and")
					.endsWith("ignored: the service may drop the id (field 'correlation_id')"));
			}
			finally {
				scenarios.forEach(Scenario::close);
			}
		}
	}

	@Test
	void correlatesByHeaderWhereTheBrokerCarriesHeaders() {
		Transport transport = createTransport();
		if (!transport.capabilities().headers()) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
					() -> Harness.builder(transport).correlation(CorrelationPolicy.header("x-correlation-id")).build())
				.withMessageContaining("carries no headers");
			return;
		}
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.header("x-correlation-id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("header")) {
			String topic = topic("header");
			Handle mine = scenario.expect(topic,
					headerEquals("x-correlation-id", java.util.Objects.requireNonNull(scenario.correlationId())));
			scenario.publish(topic, OutboundMessage.of(Map.of("n", 1)).withHeader("x-correlation-id", "foreign"));
			scenario.publish(topic, Map.of("n", 2));
			scenario.awaitAll(deadline());
			assertThat(mine.outcome()).isEqualTo(Outcome.PASS);
			assertThat(mine.attempts()).isZero();
			assertThat(mine.message()).isEqualTo(Map.of("n", 2));
		}
	}

	@Test
	void repliesOnTheBrokerOncePerScenario() {
		try (Harness harness = correlatedHarness(); Scenario scenario = harness.scenario("reply")) {
			String trigger = topic("trigger");
			String reply = topic("reply");
			scenario.on(trigger, fieldEquals("kind", "check"))
				.publish(reply,
						(message) -> Map.of("decision", "APPROVE", "for", String.valueOf(asMap(message).get("order"))));
			Handle handle = scenario.expect(reply, fieldEquals("decision", "APPROVE"));
			ScenarioResult result = scenario.publish(trigger, Map.of("kind", "check", "order", "ORD-1"))
				.awaitAll(deadline());
			result.assertPassed();
			assertThat(asMap(handle.message()).get("for")).isEqualTo("ORD-1");
			assertThat(result.replyAt(trigger).state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(result.replyAt(trigger).matchCount()).isEqualTo(1);
			assertThat(result.replyAt(trigger).replyPublished()).isTrue();
			assertThat(result.timeline()).anyMatch((entry) -> entry.action() == dev.choreo.TimelineAction.REPLIED);
		}
	}

	@Test
	void listsAThreeHopCascadeCauseBeforeEffect() {
		try (Harness harness = Harness.builder(createTransport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.keepTimelines(true)
			.build()
			.connect(); Scenario scenario = harness.scenario("cascade")) {
			String a = topic("cascade.a");
			String b = topic("cascade.b");
			String c = topic("cascade.c");
			scenario.on(a).publish(b, Map.of("hop", 1));
			scenario.on(b).publish(c, Map.of("hop", 2));
			scenario.expect(c, fieldEquals("hop", 2));
			ScenarioResult result = scenario.publish(a, Map.of("hop", 0)).awaitAll(deadline());
			result.assertPassed();
			List<dev.choreo.TimelineEntry> timeline = result.timeline();
			int published = indexOf(timeline, TimelineAction.PUBLISHED, a);
			int received = indexOf(timeline, TimelineAction.RECEIVED, a);
			int matched = indexOf(timeline, TimelineAction.MATCHED, c);
			assertThat(published).as("PUBLISHED(a) in %s", timeline).isNotNegative();
			assertThat(received).as("RECEIVED(a) after PUBLISHED(a) in %s", timeline).isGreaterThan(published);
			assertThat(matched).as("MATCHED(c) after RECEIVED(a) in %s", timeline).isGreaterThan(received);
			assertThat(timeline).extracting(dev.choreo.TimelineEntry::action)
				.contains(TimelineAction.ACKNOWLEDGED)
				.doesNotContain(TimelineAction.PUBLISH_FAILED, TimelineAction.REPLY_FAILED);
		}
	}

	private static int indexOf(List<dev.choreo.TimelineEntry> timeline, TimelineAction action, String topic) {
		for (int i = 0; i < timeline.size(); i++) {
			if (timeline.get(i).action() == action && timeline.get(i).topic().equals(topic)) {
				return i;
			}
		}
		return -1;
	}

	@Test
	void aMatcherThatThrowsAnAssertionErrorIsANearMissAndTheHarnessCarriesOn() {
		try (Harness harness = correlatedHarness()) {
			String topic = topic("throwing.matcher");
			try (Scenario scenario = harness.scenario("throwing matcher")) {
				Handle handle = scenario.expect(topic, new AssertingMatcher());
				scenario.publish(topic, Map.of("n", 0));
				ScenarioResult result = awaitAttempts(scenario, handle, 1);
				assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
				assertThat(handle.lastMismatchReason()).isEqualTo("matcher raised java.lang.AssertionError");
				assertThat(result.passed()).isFalse();
			}
			assertLaterScenariosPass(harness, topic);
		}
	}

	@Test
	void aReplyBuilderThatThrowsAnAssertionErrorFailsItsReplyAndTheHarnessCarriesOn() {
		try (Harness harness = correlatedHarness()) {
			String trigger = topic("throwing.builder");
			try (Scenario scenario = harness.scenario("throwing builder")) {
				scenario.on(trigger).publish(topic("never"), (message) -> {
					throw new AssertionError("expected amount 5 but was 6");
				});
				ScenarioResult result = scenario.publish(trigger, Map.of("amount", 6)).awaitAll(deadline());
				assertThat(result.passed()).isFalse();
				assertThat(result.replyAt(trigger).state()).isEqualTo(ReplyReportState.REPLY_FAILED);
				assertThat(result.replyAt(trigger).builderError()).isEqualTo("AssertionError");
				assertThat(result.problems()).singleElement()
					.asString()
					.endsWith("failed: reply builder raised java.lang.AssertionError: expected amount 5 but was 6");
			}
			assertLaterScenariosPass(harness, trigger);
		}
	}

	private void assertLaterScenariosPass(Harness harness, String topic) {
		for (int i = 0; i < 20; i++) {
			try (Scenario scenario = harness.scenario("later-" + i)) {
				scenario.expect(topic, fieldEquals("n", i));
				scenario.publish(topic, Map.of("n", i)).awaitAll(deadline()).assertPassed();
			}
		}
	}

	@Test
	void aPublishTheTransportCannotMakeFailsTheScenarioWithItsReason() {
		Harness harness = correlatedHarness();
		try (Scenario scenario = harness.scenario("publish fails")) {
			String topic = topic("unpublishable");
			Handle none = scenario.expectNone(topic, fieldEquals("n", 1)).during(Duration.ofMillis(1));
			harness.transport().close();
			ScenarioResult result = scenario.publish(topic, Map.of("n", 1)).awaitAll(shortDeadline());
			assertThat(none.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.passed()).as("a scenario whose publish failed never passes").isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.problems()).singleElement()
				.asString()
				.startsWith("publish to '" + topic + "' on harness '" + harness.name() + "' failed: ");
			assertThat(result.timeline()).extracting(dev.choreo.TimelineEntry::action)
				.startsWith(TimelineAction.PUBLISHED, TimelineAction.PUBLISH_FAILED);
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> harness.publish(topic, Map.of()))
				.withMessageStartingWith("Publishing to '" + topic + "' on harness '" + harness.name() + "'");
		}
		finally {
			harness.close();
		}
	}

	@Test
	void leavesNoSubscriptionsAfterManyScenarios() {
		try (Harness harness = correlatedHarness()) {
			String topic = topic("many");
			for (int i = 0; i < 10; i++) {
				try (Scenario scenario = harness.scenario("many-" + i)) {
					scenario.expect(topic, fieldEquals("n", i));
					scenario.publish(topic, Map.of("n", i)).awaitAll(deadline()).assertPassed();
				}
				assertThat(harness.activeSubscriptionCount()).isZero();
			}
			assertThat(harness.transportSubscriptionCount()).isEqualTo(1);
		}
	}

	@Test
	void leavesNoThreadsAndNoBrokerResourcesBehindAfterClose() {
		Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
		String topic = topic("leak");
		Harness harness = correlatedHarness();
		try (Scenario scenario = harness.scenario("leak")) {
			scenario.expect(topic, fieldEquals("n", 1));
			scenario.publish(topic, Map.of("n", 1)).awaitAll(deadline()).assertPassed();
		}
		if (brokerTracksSubscriptions()) {
			assertThat(brokerResources(topic)).as("broker resources while the harness is open").isPositive();
		}
		harness.close();
		boolean clean = Waits.until(Duration.ofSeconds(15), () -> newThreads(before).isEmpty());
		assertThat(clean).as("threads left after close: %s", newThreads(before)).isTrue();
		assertThat(Waits.until(Duration.ofSeconds(15), () -> brokerResources(topic) == 0))
			.as("broker resources left for %s", topic)
			.isTrue();
	}

	private List<String> newThreads(Set<Thread> before) {
		List<String> names = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.isAlive() && !before.contains(thread) && !isJvmThread(thread.getName())
					&& !isApplicationThread(thread)) {
				names.add(thread.getName());
			}
		}
		return names;
	}

	private static boolean isJvmThread(String name) {
		return name.startsWith("ForkJoinPool.commonPool") || name.equals("process reaper")
				|| name.startsWith("Attach Listener") || name.startsWith("junit-") || name.startsWith("surefire")
				|| name.startsWith("Common-Cleaner") || name.startsWith("JFR");
	}

	/**
	 * A matcher whose assertion fails, as an AssertJ assertion written as a matcher does.
	 */
	static final class AssertingMatcher implements dev.choreo.match.MessageMatcher {

		@Override
		public String description() {
			return "asserts";
		}

		@Override
		public dev.choreo.match.MatchResult match(@org.jspecify.annotations.Nullable Object payload) {
			throw new AssertionError("the payload is not what the test wanted");
		}

	}

	/**
	 * Assert that a received payload is a map and return it.
	 * @param payload the payload
	 * @return the payload as a map
	 */
	protected static Map<?, ?> asMap(@org.jspecify.annotations.Nullable Object payload) {
		assertThat(payload).isInstanceOf(Map.class);
		return (Map<?, ?>) java.util.Objects.requireNonNull(payload);
	}

	/**
	 * Build an ordered map from alternating keys and values.
	 * @param keysAndValues a key, its value, the next key, and so on
	 * @return the map, in the given order
	 */
	protected static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}

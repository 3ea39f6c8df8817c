package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Scenarios across two harnesses: replies that cross from one to the other, one deadline,
 * correlation ids bridged per harness, and concurrent stage scenarios on shared topics.
 * The checklist has no stage items (the original has no stage); these pin the design.
 */
class StageTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final InMemoryTransport kafkaTransport = InMemoryTransport.create();

	private final InMemoryTransport natsTransport = InMemoryTransport.create();

	private final Harness kafka = Harness.builder(this.kafkaTransport)
		.name("kafka-bus")
		.correlation(CorrelationPolicy.field("correlation_id"))
		.build();

	private final Harness nats = Harness.builder(this.natsTransport)
		.name("nats-bus")
		.correlation(CorrelationPolicy.field("correlation_id"))
		.build();

	private Stage stage(CorrelationBridge bridge) {
		return Stage.builder().harness("kafka", this.kafka).harness("nats", this.nats).bridge(bridge).build().connect();
	}

	@AfterEach
	void closeHarnesses() {
		this.kafka.close();
		this.nats.close();
	}

	private static List<String> sent(InMemoryTransport transport, String topic) {
		return transport.sent()
			.stream()
			.filter((message) -> message.topic().equals(topic))
			.map((message) -> new String(message.payload(), StandardCharsets.UTF_8))
			.toList();
	}

	@Test
	void aReplyTriggeredOnOneHarnessPublishesOnTheOther() {
		try (Stage stage = stage(CorrelationBridge.identity()); StageScenario s = stage.scenario("bridge")) {
			Handle processed = s.expect("nats", "orders.processed", fieldEquals("forwarded", true));
			s.on("kafka", "orders.new").publishOn("nats", "orders.processed", (trigger) -> Map.of("forwarded", true));
			ScenarioResult result = s.publish("kafka", "orders.new", Map.of("n", 42)).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(processed.harness()).isEqualTo("nats");
			ReplyReport reply = result.replyAt("orders.new");
			assertThat(reply.triggerHarness()).isEqualTo("kafka");
			assertThat(reply.replyHarness()).isEqualTo("nats");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(sent(this.kafkaTransport, "orders.processed")).isEmpty();
			assertThat(sent(this.natsTransport, "orders.processed")).hasSize(1);
			assertThat(result.harnesses()).containsExactly("kafka", "nats");
		}
	}

	@Test
	void expectationsOnBothHarnessesShareOneDeadline() {
		try (Stage stage = stage(CorrelationBridge.identity()); StageScenario s = stage.scenario("deadline")) {
			Handle onKafka = s.expect("kafka", "results");
			Handle onNats = s.expect("nats", "results");
			long start = System.nanoTime();
			ScenarioResult result = s.publish("kafka", "elsewhere", Map.of()).awaitAll(SHORT);
			long waited = System.nanoTime() - start;
			assertThat(onKafka.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(onNats.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(SHORT);
			assertThat(onKafka.reason()).startsWith("no matching message arrived on topic 'results' within 50ms; ");
			assertThat(result.timeline()).filteredOn((entry) -> entry.action() == TimelineAction.DEADLINE)
				.extracting(TimelineEntry::harness, TimelineEntry::topic)
				.containsExactly(tuple("kafka", "results"), tuple("nats", "results"));
		}
	}

	@Test
	void aMappedBridgeGivesEachHarnessItsOwnWireId() {
		CorrelationBridge bridge = MappedBridge.builder().map("nats", (logical) -> "nats-" + logical).build();
		try (Stage stage = stage(bridge); StageScenario s = stage.scenario("mapped")) {
			String logical = String.valueOf(s.correlationId());
			assertThat(s.correlationId("kafka")).isEqualTo(logical);
			assertThat(s.correlationId("nats")).isEqualTo("nats-" + logical);
			Handle processed = s.expect("nats", "orders.processed");
			Handle direct = s.expect("nats", "audits");
			s.on("kafka", "orders.new").publishOn("nats", "orders.processed", Map.of("forwarded", true));
			s.publish("kafka", "orders.new", Map.of()).publish("nats", "audits", Map.of()).awaitAll(SHORT);
			assertThat(processed.outcome()).isEqualTo(Outcome.PASS);
			assertThat(direct.outcome()).isEqualTo(Outcome.PASS);
			assertThat(processed.correlationId()).isEqualTo("nats-" + logical);
			assertThat(sent(this.kafkaTransport, "orders.new"))
				.containsExactly("{\"correlation_id\":\"" + logical + "\"}");
			assertThat(sent(this.natsTransport, "orders.processed"))
				.containsExactly("{\"forwarded\":true,\"correlation_id\":\"nats-" + logical + "\"}");
			assertThat(sent(this.natsTransport, "audits"))
				.containsExactly("{\"correlation_id\":\"nats-" + logical + "\"}");
		}
		assertThat(bridge).hasToString("MappedBridge[nats]");
	}

	@Test
	void aMessageCarryingTheLogicalIdOnAMappedHarnessIsForeignThere() {
		CorrelationBridge bridge = MappedBridge.builder().map("nats", (logical) -> "nats-" + logical).build();
		try (Stage stage = stage(bridge); StageScenario s = stage.scenario("mapped")) {
			Handle handle = s.expect("nats", "orders.processed");
			s.trigger(() -> this.nats.publish("orders.processed", Map.of("correlation_id", s.correlationId())));
			assertThat(s.awaitAll(SHORT).passed()).isFalse();
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(this.nats.surprises()).singleElement()
				.satisfies((surprise) -> assertThat(surprise.kind()).isEqualTo(Surprise.Kind.UNKNOWN_SCOPE));
		}
	}

	@Test
	void theIdentityBridgeIsTheDefault() {
		try (Stage stage = Stage.builder().harness("kafka", this.kafka).harness("nats", this.nats).build().connect();
				StageScenario s = stage.scenario("identity")) {
			assertThat(s.correlationId()).isNotNull();
			assertThat(s.correlationId("kafka")).isEqualTo(s.correlationId());
			assertThat(s.correlationId("nats")).isEqualTo(s.correlationId());
		}
		assertThat(CorrelationBridge.identity().wireId("any", "abc")).isEqualTo("abc");
	}

	@Test
	void aHarnessWithoutCorrelationHasNoWireId() {
		Harness plain = Harness.builder(InMemoryTransport.create()).build();
		try (Stage stage = Stage.builder().harness("plain", plain).harness("kafka", this.kafka).build().connect();
				StageScenario s = stage.scenario("mixed")) {
			assertThat(s.correlationId("plain")).isNull();
			assertThat(s.correlationId("kafka")).isEqualTo(s.correlationId()).isNotNull();
		}
		plain.close();
	}

	@Test
	void anUnknownHarnessNameIsRefusedNamingTheKnownOnes() {
		try (Stage stage = stage(CorrelationBridge.identity()); StageScenario s = stage.scenario("unknown")) {
			String known = "No harness named 'redis' in this scenario; it has [kafka, nats]";
			assertThatIllegalArgumentException().isThrownBy(() -> s.expect("redis", "t")).withMessage(known);
			assertThatIllegalArgumentException().isThrownBy(() -> s.on("redis", "t")).withMessage(known);
			assertThatIllegalArgumentException().isThrownBy(() -> s.on("kafka", "t").publishOn("redis", "r", Map.of()))
				.withMessage(known);
			assertThatIllegalArgumentException().isThrownBy(() -> s.publish("redis", "t", Map.of())).withMessage(known);
			assertThatIllegalArgumentException().isThrownBy(() -> s.correlationId("redis")).withMessage(known);
			assertThatIllegalArgumentException().isThrownBy(() -> stage.harness("redis"))
				.withMessage("No harness named 'redis' on this stage; it has [kafka, nats]");
			assertThat(stage.harness("kafka")).isSameAs(this.kafka);
			assertThat(stage.harnessNames()).containsExactly("kafka", "nats");
			assertThat(stage).hasToString("Stage[kafka, nats]");
			assertThat(s).hasToString("StageScenario[name=unknown]");
		}
	}

	@Test
	void theBuilderRefusesADuplicateNameAndAnEmptyStage() {
		Stage.Builder builder = Stage.builder().harness("kafka", this.kafka);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.harness("kafka", this.nats))
			.withMessage("A harness named 'kafka' is already on this stage");
		assertThatIllegalStateException().isThrownBy(() -> Stage.builder().build())
			.withMessage("A stage needs at least one harness; add one with harness(name, harness)");
		assertThatIllegalArgumentException().isThrownBy(() -> Stage.builder().defaultTimeout(Duration.ZERO))
			.withMessage("defaultTimeout must be positive, got PT0S");
	}

	@Test
	void aBridgeThatThrowsIsNamedWhenTheScenarioOpens() {
		try (Stage stage = stage(new FailingBridge())) {
			assertThatIllegalStateException().isThrownBy(() -> stage.scenario("broken"))
				.withMessage("CorrelationBridge FailingBridge raised java.lang.IllegalArgumentException for harness"
						+ " 'kafka'");
			assertThat(this.kafka.activeSubscriptionCount()).isZero();
		}
	}

	@Test
	void awaitAllWithoutATimeoutUsesTheStageDefault() {
		try (Stage stage = Stage.builder()
			.harness("kafka", this.kafka)
			.defaultTimeout(Duration.ofMillis(30))
			.build()
			.connect(); StageScenario s = stage.scenario("default")) {
			Handle handle = s.expect("kafka", "results");
			s.publish("kafka", "elsewhere", Map.of()).awaitAll();
			assertThat(handle.reason()).startsWith("no matching message arrived on topic 'results' within 30ms; ");
		}
	}

	@Test
	void closingTheStageClosesEveryHarnessEvenWhenOneFails() {
		FakeTransport failing = FakeTransport.named("failing").failingClose(new IllegalStateException("close failed"));
		Harness broken = Harness.builder(failing).build();
		Stage stage = Stage.builder().harness("broken", broken).harness("kafka", this.kafka).build().connect();
		assertThat(this.kafka.isConnected()).isTrue();
		assertThatIllegalStateException().isThrownBy(stage::close).withMessage("close failed");
		assertThat(broken.isConnected()).isFalse();
		assertThat(this.kafka.isConnected()).isFalse();
	}

	@Test
	void anObserverOfBothHarnessesHearsOfAStageScenarioOnce() {
		RecordingObserver observer = new RecordingObserver();
		Harness first = Harness.builder(InMemoryTransport.create()).observer(observer).build();
		Harness second = Harness.builder(InMemoryTransport.create()).observer(observer).build();
		try (Stage stage = Stage.builder().harness("first", first).harness("second", second).build().connect()) {
			try (StageScenario s = stage.scenario("observed")) {
				s.expect("second", "t");
				s.publish("second", "t", Map.of()).awaitAll(SHORT);
			}
		}
		assertThat(observer.started).singleElement()
			.satisfies((started) -> assertThat(started.harnesses()).containsExactly("first", "second"));
		assertThat(observer.finished).hasSize(1);
	}

	@Test
	void aStageScenarioAbortedByTheTestReportsTheExceptionClass() {
		Handle handle;
		try (Stage stage = stage(CorrelationBridge.identity()); StageScenario s = stage.scenario("aborted")) {
			handle = s.expect("nats", "results");
			s.publish("kafka", "orders.new", Map.of());
			s.abort(new IllegalStateException("SECRET"));
		}
		assertThat(handle.outcome()).isEqualTo(Outcome.ABORTED);
		assertThat(handle.reason())
			.isEqualTo("aborted: the test raised java.lang.IllegalStateException before awaitAll()");
	}

	@Test
	void aStageScenarioFollowsTheSameStepsAsAScenario() {
		try (Stage stage = stage(CorrelationBridge.identity()); StageScenario s = stage.scenario("steps")) {
			Handle none = s.expectNone("nats", "cancelled", fieldEquals("id", 1));
			Handle typed = s.expect("kafka", "orders", Order.class,
					dev.choreo.match.Matchers.satisfies((Order order) -> assertThat(order.qty()).isEqualTo(2)));
			s.on("kafka", "orders", fieldEquals("qty", 2)).publish("confirmations", Map.of());
			ScenarioResult result = s.trigger(() -> {
			}).publish("kafka", "orders", new Order("o", 2)).awaitAll(SHORT);
			assertThat(none.outcome()).isEqualTo(Outcome.PASS);
			assertThat(typed.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.replyAt("orders").state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(result.passed()).isTrue();
		}
	}

	@Test
	void concurrentStageScenariosNeverCrossMatch() throws Exception {
		int scenarios = 24;
		CorrelationBridge bridge = MappedBridge.builder().map("nats", (logical) -> "n-" + logical).build();
		ExecutorService pool = Executors.newFixedThreadPool(scenarios);
		CountDownLatch ready = new CountDownLatch(scenarios);
		try (Stage stage = stage(bridge)) {
			List<CompletableFuture<ScenarioResult>> runs = IntStream.range(0, scenarios)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
					try (StageScenario s = stage.scenario("concurrent-" + i)) {
						Handle processed = s.expect("nats", "orders.processed", fieldEquals("n", i));
						s.on("kafka", "orders.new")
							.publishOn("nats", "orders.processed",
									(trigger) -> Map.of("n", ((Map<?, ?>) trigger).get("n")));
						ready.countDown();
						await(ready);
						ScenarioResult result = s.publish("kafka", "orders.new", Map.of("n", i))
							.awaitAll(Duration.ofSeconds(10));
						assertThat(processed.attempts()).isZero();
						return result;
					}
				}, pool))
				.toList();
			for (CompletableFuture<ScenarioResult> run : runs) {
				ScenarioResult result = run.get(60, TimeUnit.SECONDS);
				assertThat(result.passed()).as(result.failureSummary()).isTrue();
				ReplyReport reply = result.replyAt("orders.new");
				assertThat(reply.candidateCount()).isEqualTo(1);
				assertThat(reply.matchCount()).isEqualTo(1);
			}
			assertThat(this.kafka.activeSubscriptionCount()).isZero();
			assertThat(this.nats.activeSubscriptionCount()).isZero();
			assertThat(this.kafka.surprises()).isEmpty();
			assertThat(this.nats.surprises()).isEmpty();
		}
		finally {
			pool.shutdownNow();
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

	record Order(String id, int qty) {
	}

	static final class FailingBridge implements CorrelationBridge {

		@Override
		public String wireId(String harness, String logicalId) {
			throw new IllegalArgumentException("no mapping for SECRET");
		}

	}

}

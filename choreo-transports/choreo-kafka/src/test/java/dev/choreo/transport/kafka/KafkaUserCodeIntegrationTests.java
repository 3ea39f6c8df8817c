package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * User code cannot break a Kafka harness, on the in-process broker: a reply builder that
 * throws an {@code AssertionError} leaves the harness's consumer delivering; a matcher
 * that sleeps holds up only its own scenario; and a reply whose publish blocks (waiting
 * for the metadata of a topic that never comes) holds up no other scenario's deliveries.
 * <p>
 * The budgets are generous for a loaded two-core machine, and still well below what a
 * blocked delivery thread would cost: two seconds of sleeping matcher, or a publish
 * blocked for thirty seconds.
 */
class KafkaUserCodeIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final Duration BUDGET = Duration.ofSeconds(1);

	private static final int SLOW_MESSAGES = 10;

	private static final Duration SLOW_MATCH = Duration.ofMillis(200);

	private static EmbeddedKafkaBroker noAutoCreate;

	@BeforeAll
	static void startABrokerThatCreatesNoTopicsOnItsOwn() {
		KafkaBrokers.require();
		noAutoCreate = KafkaBrokers.start(Map.of("auto.create.topics.enable", "false"));
	}

	@AfterAll
	static void stopIt() {
		if (noAutoCreate != null) {
			noAutoCreate.destroy();
		}
	}

	private static String topic(String base) {
		return "choreo.usercode." + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Harness harness() {
		return Harness
			.builder(KafkaTransport.builder(KafkaBrokers.bootstrap()).clientIdPrefix("choreo-usercode").build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect();
	}

	@Test
	void aReplyBuilderThatThrowsAnAssertionErrorLeavesTheConsumerDeliveringToAHundredScenarios() {
		try (Harness harness = harness()) {
			String trigger = topic("trigger");
			try (Scenario scenario = harness.scenario("fake asserts")) {
				scenario.on(trigger).publish(topic("answer"), (order) -> {
					assertThat(order).isEqualTo(Map.of("amount", 5));
					return Map.of();
				});
				ScenarioResult result = scenario.publish(trigger, Map.of("amount", 6)).awaitAll(DEADLINE);
				assertThat(result.passed()).isFalse();
				assertThat(result.replyAt(trigger).state()).isEqualTo(ReplyReportState.REPLY_FAILED);
				assertThat(result.replyAt(trigger).builderError()).isEqualTo("AssertionFailedError");
			}
			String topic = topic("after");
			for (int i = 0; i < 100; i++) {
				try (Scenario scenario = harness.scenario("after-" + i)) {
					scenario.expect(topic, fieldEquals("n", i));
					scenario.publish(topic, Map.of("n", i)).awaitAll(DEADLINE).assertPassed();
				}
			}
		}
	}

	@Test
	void aMatcherThatSleepsHoldsUpOnlyItsOwnScenarioWhileFiftyOthersPassWithinTheirBudgets() throws Exception {
		String topic = topic("shared");
		CountDownLatch sleeping = new CountDownLatch(1);
		ExecutorService fifty = Executors.newFixedThreadPool(50);
		try (Harness harness = harness(); Scenario slow = harness.scenario("slow matcher")) {
			Handle slowHandle = slow.expect(topic, satisfies("sleeps", (Map<String, Object> payload) -> {
				sleeping.countDown();
				sleep(SLOW_MATCH);
				assertThat(payload).containsEntry("last", true);
			}));
			for (int i = 0; i < SLOW_MESSAGES; i++) {
				slow.publish(topic, Map.of("n", i, "last", i == SLOW_MESSAGES - 1));
			}
			assertThat(sleeping.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			List<Callable<ScenarioResult>> others = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				int n = i;
				others.add(() -> {
					try (Scenario scenario = harness.scenario("other-" + n)) {
						scenario.expect(topic, fieldEquals("n", n)).within(BUDGET);
						return scenario.publish(topic, Map.of("n", n)).awaitAll(DEADLINE);
					}
				});
			}
			List<ScenarioResult> results = new ArrayList<>();
			for (Future<ScenarioResult> result : fifty.invokeAll(others)) {
				results.add(result.get());
			}
			assertThat(results).allSatisfy(ScenarioResult::assertPassed);
			assertThat(slow.awaitAll(DEADLINE).passed()).isTrue();
			assertThat(slowHandle.attempts()).isEqualTo(SLOW_MESSAGES - 1);
		}
		finally {
			fifty.shutdownNow();
		}
	}

	@Test
	void aReplyWhosePublishBlocksDelaysNoOtherScenariosDeliveries() throws Exception {
		String bootstrap = noAutoCreate.getBrokersAsString();
		String trigger = topic("blocked.trigger");
		String shared = topic("blocked.others");
		String missing = topic("blocked.never");
		try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(trigger, 1, (short) 1), new NewTopic(shared, 1, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		KafkaTransport transport = KafkaTransport.builder(bootstrap)
			.clientIdPrefix("choreo-usercode")
			.createMissingTopics(false)
			.requestTimeout(Duration.ofSeconds(60))
			.build();
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario blocked = harness.scenario("blocked reply")) {
			blocked.on(trigger).publish(missing, Map.of("never", "sent"));
			blocked.publish(trigger, Map.of("go", true));
			for (int i = 0; i < 20; i++) {
				try (Scenario scenario = harness.scenario("other-" + i)) {
					Handle handle = scenario.expect(shared, fieldEquals("n", i)).within(BUDGET);
					scenario.publish(shared, Map.of("n", i)).awaitAll(DEADLINE).assertPassed();
					assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
				}
			}
			ScenarioResult result = blocked.awaitAll(Duration.ZERO);
			assertThat(result.replyAt(trigger).state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(result.replyAt(trigger).replyPublished()).as("still waiting for the topic's metadata").isFalse();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package dev.choreo;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Waiting for a scenario and reading its result: deadlines, passed, failing handles, the
 * assertion, the timeline and its limits. Checklist items D-41 to D-54; for D-53,
 * results, handles, reply reports, harnesses and scenarios are not {@link Serializable}.
 */
class AwaitAllAndResultTests {

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

	@Test // D-41
	void awaitAllWaitsTheWholeTimeoutWhenNothingArrivesAndNeverThrows() {
		try (Scenario s = this.harness.scenario("silent")) {
			Handle handle = s.expect("orders.settled");
			s.publish("orders.created", Map.of());
			long start = System.nanoTime();
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(handle.latency()).isGreaterThanOrEqualTo(SHORT);
		}
	}

	@Test // D-41
	void aTimeoutThatHasAlreadyPassedResolvesAtOnce() {
		try (Scenario s = this.harness.scenario("zero")) {
			Handle zero = s.expect("a");
			s.publish("b", Map.of());
			assertThat(s.awaitAll(Duration.ZERO).passed()).isFalse();
			assertThat(zero.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(zero.reason()).startsWith("no matching message arrived on topic 'a' within 0ms; ");
		}
		try (Scenario s = this.harness.scenario("negative")) {
			Handle negative = s.expect("a");
			s.publish("b", Map.of()).awaitAll(Duration.ofMillis(-5));
			assertThat(negative.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(negative.reason()).startsWith("no matching message arrived on topic 'a' within -5ms; ");
		}
	}

	@Test // D-41
	void awaitAllNeedsATimeout() {
		try (Scenario s = this.harness.scenario("null")) {
			s.expect("a");
			s.publish("a", Map.of());
			assertThatNullPointerException().isThrownBy(() -> s.awaitAll(nothing())).withMessage("timeout");
		}
	}

	@Test // D-41
	void awaitAllWithoutATimeoutUsesTheHarnessDefault() {
		try (Harness quick = Harness.builder(InMemoryTransport.create())
			.defaultTimeout(Duration.ofMillis(30))
			.build()
			.connect(); Scenario s = quick.scenario("default")) {
			Handle handle = s.expect("a");
			s.publish("b", Map.of()).awaitAll();
			assertThat(handle.reason()).isEqualTo("no matching message arrived on topic 'a' within 30ms; nothing"
					+ " reached it, so check the topic name and the routing");
			assertThat(quick.defaultTimeout()).isEqualTo(Duration.ofMillis(30));
		}
		assertThat(this.harness.defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test // D-42
	void awaitAllReturnsAsSoonAsEveryHandleHasResolved() {
		try (Scenario s = this.harness.scenario("early")) {
			s.expect("orders");
			s.expect("orders", fieldEquals("n", 1));
			long start = System.nanoTime();
			ScenarioResult result = s.publish("orders", Map.of("n", 1)).awaitAll(Duration.ofMinutes(10));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
			assertThat(result.passed()).isTrue();
		}
	}

	@Test // D-43
	void assertPassedDoesNothingWhenEveryHandlePassed() {
		try (Scenario s = this.harness.scenario("fine")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThatNoException().isThrownBy(result::assertPassed);
		}
	}

	@Test // D-43, D-44
	void assertPassedOnASilentTimeoutNamesTheScenarioTopicMatcherAndCorrelation() {
		try (Scenario s = this.harness.scenario("order-settles")) {
			s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			ScenarioResult result = s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessageContaining("order-settles")
				.withMessageContaining("orders.settled")
				.withMessageContaining("fieldEquals(\"status\", \"SETTLED\")")
				.withMessageContaining(s.correlationId())
				.withMessageContaining("[TIMEOUT]")
				.withMessageContaining("no matching message arrived")
				.satisfies((error) -> assertThat(error.getMessage()).isEqualTo(result.failureSummary()));
		}
	}

	@Test // D-45
	void assertPassedOnNearMissesNamesTheAttemptsAndTheLatestMismatch() {
		try (Scenario s = this.harness.scenario("near-miss")) {
			s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			ScenarioResult result = s.publish("orders.settled", Map.of("status", "PENDING"))
				.publish("orders.settled", Map.of("status", "REJECTED"))
				.awaitAll(SHORT);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessageContaining("[FAIL] orders.settled")
				.withMessageContaining(
						"2 messages carrying this scenario's correlation id arrived but failed the matcher")
				.withMessageContaining("latest mismatch: at status: expected \"SETTLED\", got \"REJECTED\"")
				.withMessageNotContaining("[TIMEOUT]");
		}
	}

	/**
	 * The IDE diff compares JSON texts, indented so that a difference shows line by line:
	 * the Java and JSON notation of DESIGN §3 item 13 rather than two maps'
	 * {@code toString()}.
	 */
	@Test // D-45
	void assertPassedOnOneNearMissOffersExpectedAndActualForAnIdeDiff() {
		try (Scenario s = this.harness.scenario("diff")) {
			s.expect("orders", fieldEquals("status", "SETTLED"));
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("status", "PENDING");
			payload.put("password", "hunter2");
			ScenarioResult result = s.publish("orders", payload).awaitAll(SHORT);
			assertThatExceptionOfType(org.opentest4j.AssertionFailedError.class).isThrownBy(result::assertPassed)
				.satisfies((error) -> {
					assertThat(error.getExpected().getValue()).isEqualTo("""
							{
							  "status": "SETTLED"
							}""");
					assertThat(error.getActual().getValue()).isEqualTo("""
							{
							  "status": "PENDING",
							  "password": "<redacted>",
							  "correlation_id": "%s"
							}""".formatted(s.correlationId()));
					assertThat(error.getMessage()).doesNotContain("hunter2");
				});
		}
	}

	@Test // D-46
	void everyFailingTopicIsInTheOneAssertionError() {
		try (Scenario s = this.harness.scenario("three")) {
			s.expect("a");
			s.expect("b");
			s.expect("c");
			ScenarioResult result = s.publish("d", Map.of()).awaitAll(SHORT);
			assertThat(result.failingHandles()).hasSize(3);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessageContaining("[TIMEOUT] a\n")
				.withMessageContaining("[TIMEOUT] b\n")
				.withMessageContaining("[TIMEOUT] c\n")
				.withMessageStartingWith("Scenario 'three' failed: 3 of 3 expectations did not pass");
		}
	}

	@Test // D-47
	void theResultsTextNamesPassingAndFailingTopics() {
		try (Scenario s = this.harness.scenario("mixed")) {
			s.expect("passing");
			s.expect("failing");
			ScenarioResult result = s.publish("passing", Map.of()).awaitAll(SHORT);
			assertThat(result.toString()).contains("[PASS] passing").contains("[TIMEOUT] failing");
			assertThat(result.toString()).isEqualTo(result.failureSummary());
		}
	}

	@Test // D-48
	void aPassingScenarioWithoutRepliesKeepsNoTimeline() {
		try (Scenario s = this.harness.scenario("quiet")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(result.timeline()).isEmpty();
			assertThat(result.timelineDropped()).isZero();
		}
	}

	@Test // D-48
	void aHarnessThatKeepsTimelinesKeepsThemForPassingScenariosToo() {
		try (Harness keeping = Harness.builder(InMemoryTransport.create()).keepTimelines(true).build().connect();
				Scenario s = keeping.scenario("kept")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(result.timeline()).extracting(TimelineEntry::action)
				.containsExactly(TimelineAction.PUBLISHED, TimelineAction.RECEIVED, TimelineAction.MATCHED,
						TimelineAction.ACKNOWLEDGED);
		}
	}

	@Test // D-49
	void aFailingScenarioKeepsEveryEventInOrder() {
		try (Scenario s = this.harness.scenario("events")) {
			s.expect("orders", fieldEquals("n", 0));
			ScenarioResult result = s.publish("orders", Map.of("n", 1))
				.publish("orders", Map.of("n", 2))
				.awaitAll(SHORT);
			List<TimelineEntry> timeline = result.timeline();
			assertThat(timeline).extracting(TimelineEntry::action)
				.containsExactly(TimelineAction.PUBLISHED, TimelineAction.RECEIVED, TimelineAction.MISMATCHED,
						TimelineAction.ACKNOWLEDGED, TimelineAction.PUBLISHED, TimelineAction.RECEIVED,
						TimelineAction.MISMATCHED, TimelineAction.ACKNOWLEDGED, TimelineAction.DEADLINE);
			assertThat(timeline).extracting(TimelineEntry::detail)
				.containsExactly("", "expect", "at n: expected 0, got 1", "", "", "expect", "at n: expected 0, got 2",
						"", "2 near-misses");
			assertThat(timeline).extracting(TimelineEntry::topic).containsOnly("orders");
			assertThat(timeline).extracting(TimelineEntry::harness).containsOnly("in-memory");
			assertThat(timeline).extracting(TimelineEntry::offsetMillis).isSorted();
			assertThat(timeline).extracting(TimelineEntry::wallClock).isSorted();
			assertThat(timeline.get(0).wallClock()).isAfterOrEqualTo(result.startedAt());
		}
	}

	@Test // D-50
	void theFailureSummaryShowsTheTimeline() {
		try (Scenario s = this.harness.scenario("events")) {
			s.expect("orders", fieldEquals("n", 0));
			ScenarioResult result = s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(result.failureSummary()).contains("Timeline (last 5 of 5):")
				.contains(" published")
				.contains(" mismatched  (at n: expected 0, got 1)")
				.contains(" deadline  (1 near-miss)");
		}
	}

	@Test // D-51
	void aLongDetailIsCutTo117CharactersAndAnEllipsis() {
		String longValue = "x".repeat(200);
		try (Scenario s = this.harness.scenario("long")) {
			Handle handle = s.expect("orders", fieldEquals("s", "y"));
			ScenarioResult result = s.publish("orders", Map.of("s", longValue)).awaitAll(SHORT);
			String full = String.valueOf(handle.lastMismatchReason());
			assertThat(full).startsWith("at s: expected \"y\", got \"xxx").hasSizeGreaterThan(120);
			assertThat(result.timeline().get(2).detail()).hasSize(120).isEqualTo(full.substring(0, 117) + "...");
		}
	}

	@Test // D-51
	void theTimelineKeepsTheLast256EntriesAndCountsTheRest() {
		try (Scenario s = this.harness.scenario("busy")) {
			s.expect("orders", fieldEquals("n", -1));
			for (int i = 0; i < 90; i++) {
				s.publish("orders", Map.of("n", i));
			}
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(result.timeline()).hasSize(256);
			assertThat(result.timelineDropped()).isEqualTo(361 - 256);
			assertThat(result.timeline().get(0).detail()).isEqualTo("expect");
			assertThat(result.timeline().get(1).detail()).isEqualTo("at n: expected -1, got 26");
			assertThat(result.timeline().get(2).action()).isEqualTo(TimelineAction.ACKNOWLEDGED);
			assertThat(result.timeline().get(3).action()).isEqualTo(TimelineAction.PUBLISHED);
			assertThat(result.timeline().get(255).action()).isEqualTo(TimelineAction.DEADLINE);
			assertThat(result.failureSummary())
				.contains("Timeline (last 20 of 361):\n" + "  ... 105 earliest entries dropped (buffer cap)\n");
			assertThat(result.failureSummary().lines().filter((line) -> line.matches(" +\\d+\\.\\dms  .*")))
				.hasSize(20);
		}
	}

	@Test // D-52
	void replyAtAnUnknownTriggerNamesTheKnownOnes() {
		try (Scenario s = this.harness.scenario("replies")) {
			s.on("orders").publish("confirmations", Map.of());
			s.on("payments").publish("receipts", Map.of());
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.replyAt("payments").replyTopic()).isEqualTo("receipts");
			assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> result.replyAt("unknown"))
				.withMessage("No reply was registered for trigger topic 'unknown'; replies: [orders, payments]");
		}
	}

	@Test // D-53
	void resultsHandlesRepliesAndHarnessesCannotBeSerialised() throws Exception {
		try (Scenario s = this.harness.scenario("serial")) {
			Handle handle = s.expect("orders");
			s.on("orders").publish("confirmations", Map.of());
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			for (Object value : List.of(result, handle, result.replies().get(0), this.harness, s)) {
				assertThat(value).isNotInstanceOf(Serializable.class);
				assertThatExceptionOfType(NotSerializableException.class)
					.isThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(value))
					.withMessage(value.getClass().getName());
			}
			assertThatExceptionOfType(NotSerializableException.class)
				.isThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(result))
				.withMessage("dev.choreo.ScenarioResult");
		}
	}

	@Test // D-54
	void sequentialScenariosGetDifferentIdsInTheTestNamespace() {
		String first;
		String second;
		try (Scenario s = this.harness.scenario("first")) {
			first = s.correlationId();
		}
		try (Scenario s = this.harness.scenario("second")) {
			second = s.correlationId();
		}
		assertThat(first).startsWith("TEST-").isNotEqualTo(second);
		assertThat(second).startsWith("TEST-");
		Set<String> ids = new HashSet<>();
		CorrelationPolicy policy = CorrelationPolicy.testNamespace();
		for (int i = 0; i < 200; i++) {
			String id = policy.newId();
			assertThat(id).matches("TEST-[0-9a-f]{32}");
			ids.add(id);
		}
		assertThat(ids).hasSize(200);
	}

	@Test
	void theResultDescribesTheScenario() {
		Instant before = Instant.now();
		try (Scenario s = this.harness.scenario("described")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.name()).isEqualTo("described");
			assertThat(result.correlationId()).isEqualTo(s.correlationId());
			assertThat(result.startedAt()).isBetween(before, Instant.now());
			assertThat(result.durationMillis()).isPositive();
			assertThat(result.harnesses()).containsExactly("in-memory");
			assertThat(result.completedNormally()).isTrue();
			assertThat(result.problems()).isEmpty();
			assertThat(result.replies()).isEmpty();
		}
	}

	@Test
	void theWorstOutcomeDescribesTheScenario() {
		try (Scenario s = this.harness.scenario("worst")) {
			s.expect("pass");
			s.expect("slow").within(Duration.ofNanos(1));
			s.expect("fail", fieldEquals("n", 1));
			ScenarioResult result = s.publish("pass", Map.of())
				.publish("slow", Map.of())
				.publish("fail", Map.of("n", 2))
				.awaitAll(SHORT);
			assertThat(result.handles()).extracting(Handle::outcome)
				.containsExactly(Outcome.PASS, Outcome.SLOW, Outcome.FAIL);
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		}
		try (Scenario s = this.harness.scenario("fail-over-timeout")) {
			s.expect("silent");
			s.expect("wrong", fieldEquals("n", 1));
			ScenarioResult result = s.publish("wrong", Map.of("n", 2)).awaitAll(SHORT);
			assertThat(result.handles()).extracting(Handle::outcome).containsExactly(Outcome.TIMEOUT, Outcome.FAIL);
			assertThat(result.outcome()).as("FAIL outranks TIMEOUT").isEqualTo(Outcome.FAIL);
		}
		try (Scenario s = this.harness.scenario("replies only")) {
			s.on("x").publish("y", Map.of());
			assertThat(s.publish("x", Map.of()).awaitAll(SHORT).outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void outcomesHaveLowerCaseValues() {
		List<String> values = new ArrayList<>();
		for (Outcome outcome : Outcome.values()) {
			values.add(outcome.value());
		}
		assertThat(values).containsExactly("pass", "fail", "timeout", "slow", "aborted", "pending");
		List<String> actions = new ArrayList<>();
		for (TimelineAction action : TimelineAction.values()) {
			actions.add(action.value());
		}
		assertThat(actions).containsExactly("published", "acknowledged", "publish_failed", "received", "matched",
				"mismatched", "deadline", "replied", "reply_failed", "transport_down", "transport_up");
	}

	@SuppressWarnings("NullAway")
	private static <T> T nothing() {
		return null;
	}

}

package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The full text of every failure summary and of the short summary. Times come from the
 * run itself, so each text is pinned word for word and number for number. Checklist items
 * D-44, D-45, D-47, D-50, D-51 and F-82 in full text. Matchers appear by their DSL names
 * and payloads and values as JSON: the original's Python notation ({@code 'SETTLED'},
 * {@code b'...'}) is deliberately not followed (DESIGN §3 item 13).
 */
class FailureMessagesTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private static final String SILENT = "; nothing reached it, so check the topic name and the routing";

	private static final String SILENT_CORRELATED = "; nothing on this scenario's correlation reached it, so check the"
			+ " topic name, the routing, and that the service carries the correlation id";

	private final InMemoryTransport transport = InMemoryTransport.create();

	private final Harness plain = Harness.builder(this.transport).build().connect();

	private static String latency(Handle handle) {
		return Times.ms(handle.latency());
	}

	/**
	 * Render the expected timeline block: one row per entry as
	 * {@code topic|action|detail}, with the offsets the run recorded.
	 */
	private static String timeline(ScenarioResult result, String... rows) {
		List<TimelineEntry> entries = result.timeline();
		assertThat(entries).hasSize(rows.length);
		StringBuilder text = new StringBuilder("\n\nTimeline (last " + rows.length + " of " + rows.length + "):");
		for (int i = 0; i < rows.length; i++) {
			text.append(line(entries.get(i), null, rows[i]));
		}
		return text.toString();
	}

	private static String line(TimelineEntry entry, String harness, String row) {
		String[] parts = row.split("\\|", -1);
		return "\n  " + Times.offset(entry) + "  "
				+ ((harness != null) ? String.format(Locale.ROOT, "%-8s ", harness) : "")
				+ String.format(Locale.ROOT, "%-24s %s", parts[0], parts[1])
				+ (parts[2].isEmpty() ? "" : "  (" + parts[2] + ")");
	}

	@Test
	void aPassingScenarioSaysSoAndShowsNoTimeline() {
		try (Scenario s = this.plain.scenario("order-settles")) {
			Handle handle = s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			ScenarioResult result = s.publish("orders.settled", Map.of("status", "SETTLED")).awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'order-settles' passed: 1 expectation
					correlation: null

					  [PASS] orders.settled
					      matcher : fieldEquals("status", "SETTLED")
					      why     : matched: fieldEquals("status", "SETTLED")
					      latency : %s""".formatted(latency(handle)));
		}
	}

	@Test
	void aPassingScenarioCountsTheSlowHandlesItTolerated() {
		try (Harness tolerant = Harness.builder(InMemoryTransport.create()).slowFails(false).build().connect();
				Scenario s = tolerant.scenario("tolerated")) {
			Handle fast = s.expect("a");
			Handle slow = s.expect("b").within(Duration.ofNanos(1));
			ScenarioResult result = s.publish("a", Map.of()).publish("b", Map.of()).awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'tolerated' passed: 2 expectations (1 SLOW within tolerance)
					correlation: null

					  [PASS] a
					      matcher : anyPayload()
					      why     : matched: anyPayload()
					      latency : %s

					  [SLOW] b
					      matcher : anyPayload()
					      why     : matched in %s, budget 0.0ms (exceeded by %s)
					      latency : %s""".formatted(latency(fast), latency(slow),
					Times.ms(slow.latency().minusNanos(1)), latency(slow)));
			assertThat(result.timeline()).isEmpty();
		}
	}

	@Test
	void aSilentTimeoutSaysNothingReachedTheExpectation() {
		try (Scenario s = this.plain.scenario("silent")) {
			Handle handle = s.expect("orders.settled");
			ScenarioResult result = s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'silent' failed: 1 of 1 expectation did not pass
					correlation: null

					  [TIMEOUT] orders.settled
					      matcher : anyPayload()
					      why     : no matching message arrived on topic 'orders.settled' within 50ms%s
					      waited  : 50ms""".formatted(SILENT) + timeline(result, "orders.created|published|",
					"orders.created|acknowledged|", "orders.settled|deadline|no message"));
		}
	}

	@Test
	void aSilentTimeoutUnderCorrelationPointsAtTheCorrelationId() {
		try (Harness correlated = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.build()
			.connect(); Scenario s = correlated.scenario("silent")) {
			Handle handle = s.expect("orders.settled");
			ScenarioResult result = s.publish("orders.created", Map.of()).awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'silent' failed: 1 of 1 expectation did not pass
					correlation: %s

					  [TIMEOUT] orders.settled
					      matcher : anyPayload()
					      why     : no matching message arrived on topic 'orders.settled' within 50ms%s
					      waited  : 50ms""".formatted(s.correlationId(), SILENT_CORRELATED) + timeline(result,
					"orders.created|published|", "orders.created|acknowledged|", "orders.settled|deadline|no message"));
		}
	}

	@Test
	void nearMissesNameTheLatestMismatchAndShowItsPayloadRedacted() {
		try (Harness correlated = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.build()
			.connect(); Scenario s = correlated.scenario("near-miss")) {
			Handle handle = s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			Map<String, Object> rejected = new LinkedHashMap<>();
			rejected.put("status", "REJECTED");
			rejected.put("password", "hunter2");
			ScenarioResult result = s.publish("orders.settled", Map.of("status", "PENDING"))
				.publish("orders.settled", rejected)
				.awaitAll(SHORT);
			String id = s.correlationId();
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'near-miss' failed: 1 of 1 expectation did not pass
					correlation: %s

					  [FAIL] orders.settled
					      matcher : fieldEquals("status", "SETTLED")
					      why     : 2 messages carrying this scenario's correlation id arrived but failed the matcher; \
					latest mismatch: at status: expected "SETTLED", got "REJECTED"
					      payload : {"status":"REJECTED","password":"<redacted>","correlation_id":"%s"}
					      waited  : 50ms""".formatted(id, id) + timeline(result, "orders.settled|published|",
					"orders.settled|received|expect",
					"orders.settled|mismatched|at status: expected \"SETTLED\", got \"PENDING\"",
					"orders.settled|acknowledged|", "orders.settled|published|", "orders.settled|received|expect",
					"orders.settled|mismatched|at status: expected \"SETTLED\", got \"REJECTED\"",
					"orders.settled|acknowledged|", "orders.settled|deadline|2 near-misses"));
			assertThat(result.failureSummary()).doesNotContain("hunter2");
		}
	}

	@Test
	void aSingleNearMissIsCountedInTheSingular() {
		try (Scenario s = this.plain.scenario("one")) {
			Handle handle = s.expect("orders", new ExpectationOutcomeTests.Throwing(new IllegalStateException()));
			ScenarioResult result = s.publish("orders", "text").awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'one' failed: 1 of 1 expectation did not pass
					correlation: null

					  [FAIL] orders
					      matcher : throws
					      why     : 1 message arrived but failed the matcher; latest mismatch: matcher raised \
					java.lang.IllegalStateException
					      payload : <4 bytes: "text">
					      waited  : 50ms""" + timeline(result, "orders|published|", "orders|received|expect",
					"orders|mismatched|matcher raised java.lang.IllegalStateException", "orders|acknowledged|",
					"orders|deadline|1 near-miss"));
		}
	}

	@Test
	void aSlowMatchSaysByHowMuchItMissedItsBudget() {
		try (Scenario s = this.plain.scenario("slow")) {
			Handle handle = s.expect("orders").within(Duration.ofNanos(1));
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'slow' failed: 1 of 1 expectation did not pass
					correlation: null

					  [SLOW] orders
					      matcher : anyPayload()
					      why     : matched in %s, budget 0.0ms (exceeded by %s)
					      latency : %s""".formatted(latency(handle), Times.ms(handle.latency().minusNanos(1)),
					latency(handle))
					+ timeline(result, "orders|published|", "orders|received|expect",
							"orders|matched|anyPayload() [SLOW " + latency(handle) + ">0.0ms]",
							"orders|acknowledged|"));
		}
	}

	@Test
	void anExpectationClosedBeforeAwaitAllSaysItWasAborted() {
		RecordingObserver observer = new RecordingObserver();
		try (Harness observed = Harness.builder(InMemoryTransport.create()).observer(observer).build().connect()) {
			try (Scenario s = observed.scenario("closed-early")) {
				s.expect("orders");
				s.publish("elsewhere", Map.of());
			}
			try (Scenario s = observed.scenario("raised")) {
				s.expect("orders");
				s.publish("elsewhere", Map.of());
				s.abort(new IllegalStateException("SECRET"));
			}
		}
		ScenarioResult closed = observer.finished.get(0).result();
		assertThat(closed.failureSummary()).isEqualTo("""
				Scenario 'closed-early' failed: 1 of 1 expectation did not pass
				correlation: null

				  [ABORTED] orders
				      matcher : anyPayload()
				      why     : aborted: the scenario was closed before awaitAll()
				      latency : -""" + timeline(closed, "elsewhere|published|", "elsewhere|acknowledged|"));
		ScenarioResult raised = observer.finished.get(1).result();
		assertThat(raised.failureSummary()).isEqualTo("""
				Scenario 'raised' failed: 1 of 1 expectation did not pass
				correlation: null

				  [ABORTED] orders
				      matcher : anyPayload()
				      why     : aborted: the test raised java.lang.IllegalStateException before awaitAll()
				      latency : -""" + timeline(raised, "elsewhere|published|", "elsewhere|acknowledged|"));
	}

	@Test
	void negativeAndCountedExpectationsExplainThemselves() {
		try (Scenario s = this.plain.scenario("special")) {
			Handle none = s.expectNone("cancelled", fieldEquals("id", 1));
			Handle quiet = s.expectNone("refunded", fieldEquals("id", 1));
			Handle counted = s.expect("lines", fieldEquals("kind", "line")).times(3);
			ScenarioResult result = s.publish("cancelled", Map.of("id", 1))
				.publish("lines", Map.of("kind", "line"))
				.publish("lines", Map.of("kind", "total"))
				.awaitAll(SHORT);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'special' failed: 2 of 3 expectations did not pass
					correlation: null

					  [FAIL] cancelled
					      matcher : fieldEquals("id", 1)
					      why     : a message matched on topic 'cancelled' but none was expected: fieldEquals("id", 1)
					      payload : {"id":1}
					      arrived : %s after the trigger

					  [PASS] refunded
					      matcher : fieldEquals("id", 1)
					      why     : nothing matching arrived on topic 'refunded' within 50ms (the deadline came before \
					its 1s window ended)
					      watched : %s

					  [FAIL] lines
					      matcher : fieldEquals("kind", "line")
					      why     : only 1 of 3 matching messages arrived on topic 'lines' within 50ms
					      payload : {"kind":"total"}
					      waited  : 50ms""".formatted(latency(none), latency(quiet))
					+ timeline(result, "cancelled|published|", "cancelled|received|expect",
							"cancelled|matched|unexpected: fieldEquals(\"id\", 1)", "cancelled|acknowledged|",
							"lines|published|", "lines|received|expect",
							"lines|matched|fieldEquals(\"kind\", \"line\") (match 1 of 3)", "lines|acknowledged|",
							"lines|published|", "lines|received|expect",
							"lines|mismatched|at kind: expected \"line\", got \"total\"", "lines|acknowledged|",
							"refunded|deadline|nothing unexpected", "lines|deadline|1 of 3 matches"));
		}
	}

	@Test
	void problemsAndRepliesHaveTheirOwnSections() {
		FakeTransport fake = FakeTransport.named("fake");
		try (Harness harness = Harness.builder(fake)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario s = harness.scenario("replies")) {
			Handle handle = s.expect("confirmations");
			s.on("orders").publish("confirmations", Map.of("ok", true));
			s.on("orders").publish("invoices", (trigger) -> {
				throw new IllegalStateException("SECRET");
			});
			s.on("orders").publish("audits", (trigger) -> Map.of("correlation_id", "someone-else"));
			s.on("payments").publish("receipts", Map.of());
			fake.loseConnection("broker restarted");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			String problem = result.problems().get(0);
			assertThat(problem).matches("harness 'fake' lost its connection at \\d+\\.\\dms: broker restarted");
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'replies' failed: 3 problems (below)
					correlation: %s

					Problems:
					  %s
					  reply to 'orders' -> 'invoices' failed: reply builder raised java.lang.IllegalStateException: \
					SECRET
					  reply to 'payments' -> 'receipts' was never triggered: no message of this scenario arrived on \
					'payments'; declare it optional() if the flow may not call it

					  [PASS] confirmations
					      matcher : anyPayload()
					      why     : matched: anyPayload()
					      latency : %s

					Replies:
					  orders -> confirmations: replied (1 match / 1 candidate)
					  orders -> invoices: reply_failed (1 match / 1 candidate) builder=IllegalStateException
					  orders -> audits: replied (1 match / 1 candidate) correlation_overridden
					  payments -> receipts: armed_no_match (0 match / 0 candidate)""".formatted(s.correlationId(),
					problem, latency(handle))
					+ timeline(result, "|transport_down|broker restarted", "orders|published|",
							"orders|received|reply:confirmations", "orders|replied|reply=confirmations",
							"confirmations|received|expect", "confirmations|matched|anyPayload()",
							"confirmations|acknowledged|reply", "orders|received|reply:invoices",
							"orders|reply_failed|reply=invoices error=IllegalStateException: SECRET",
							"orders|received|reply:audits", "orders|replied|reply=audits", "audits|acknowledged|reply",
							"orders|acknowledged|"));
		}
	}

	@Test
	void aLongTimelineShowsItsLastTwentyEntriesAndSaysHowManyItElided() {
		try (Scenario s = this.plain.scenario("busy")) {
			s.expect("orders", fieldEquals("n", -1));
			for (int i = 0; i < 30; i++) {
				s.publish("orders", Map.of("n", i));
			}
			ScenarioResult result = s.awaitAll(SHORT);
			List<TimelineEntry> entries = result.timeline();
			assertThat(entries).hasSize(121);
			assertThat(result.failureSummary())
				.endsWith("\n\nTimeline (last 20 of 121):\n  ... 101 earlier entries elided" + lastTwenty(entries, 30));
		}
	}

	@Test
	void aTimelineOverItsCapSaysHowManyEntriesWereDropped() {
		try (Scenario s = this.plain.scenario("busier")) {
			s.expect("orders", fieldEquals("n", -1));
			for (int i = 0; i < 90; i++) {
				s.publish("orders", Map.of("n", i));
			}
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(result.failureSummary())
				.endsWith("\n\nTimeline (last 20 of 361):\n  ... 105 earliest entries dropped (buffer cap)"
						+ lastTwenty(result.timeline(), 90));
		}
	}

	private static String lastTwenty(List<TimelineEntry> entries, int published) {
		List<String> rows = new ArrayList<>();
		for (int n = published - 5; n < published; n++) {
			rows.add("orders|published|");
			rows.add("orders|received|expect");
			rows.add("orders|mismatched|at n: expected -1, got " + n);
			rows.add("orders|acknowledged|");
		}
		rows.add("orders|deadline|" + published + " near-misses");
		List<String> last = rows.subList(rows.size() - 20, rows.size());
		StringBuilder text = new StringBuilder();
		List<TimelineEntry> tail = entries.subList(entries.size() - 20, entries.size());
		for (int i = 0; i < 20; i++) {
			text.append(line(tail.get(i), null, last.get(i)));
		}
		return text.toString();
	}

	@Test
	void aStageScenarioNamesTheHarnessOfEveryHandleReplyAndEvent() {
		try (Stage stage = Stage.builder()
			.harness("kafka", Harness.builder(InMemoryTransport.create()).build())
			.harness("nats", Harness.builder(InMemoryTransport.create()).build())
			.build()
			.connect(); StageScenario s = stage.scenario("bridge")) {
			Handle processed = s.expect("nats", "orders.processed");
			Handle results = s.expect("kafka", "results");
			s.on("kafka", "orders.new").publishOn("nats", "orders.processed", Map.of("forwarded", true));
			ScenarioResult result = s.publish("kafka", "orders.new", Map.of("n", 1)).awaitAll(SHORT);
			List<TimelineEntry> entries = result.timeline();
			assertThat(entries).hasSize(8);
			assertThat(result.failureSummary()).isEqualTo("""
					Scenario 'bridge' failed: 1 of 2 expectations did not pass
					correlation: null

					  [PASS] orders.processed on nats
					      matcher : anyPayload()
					      why     : matched: anyPayload()
					      latency : %s

					  [TIMEOUT] results on kafka
					      matcher : anyPayload()
					      why     : no matching message arrived on topic 'results' within 50ms%s
					      waited  : 50ms

					Replies:
					  orders.new on kafka -> orders.processed on nats: replied (1 match / 1 candidate)

					Timeline (last 8 of 8):""".formatted(latency(processed), SILENT)
					+ line(entries.get(0), "kafka", "orders.new|published|")
					+ line(entries.get(1), "kafka", "orders.new|received|reply:orders.processed")
					+ line(entries.get(2), "kafka", "orders.new|replied|reply=orders.processed")
					+ line(entries.get(3), "nats", "orders.processed|received|expect")
					+ line(entries.get(4), "nats", "orders.processed|matched|anyPayload()")
					+ line(entries.get(5), "nats", "orders.processed|acknowledged|reply")
					+ line(entries.get(6), "kafka", "orders.new|acknowledged|")
					+ line(entries.get(7), "kafka", "results|deadline|no message"));
		}
	}

	@Test
	void theShortSummaryHasOneLinePerHandleAndReply() {
		try (Scenario s = this.plain.scenario("short")) {
			Handle passed = s.expect("a", fieldEquals("n", 1));
			Handle silent = s.expect("b");
			s.on("a").publish("c", Map.of());
			ScenarioResult result = s.publish("a", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(result.summary()).isEqualTo("""
					scenario=short passed=false
					  [pass] topic=a matcher=fieldEquals("n", 1) latency=%s
					  [timeout] topic=b matcher=anyPayload() latency=%s
					Replies:
					  a -> c: replied (1 match / 1 candidate)""".formatted(latency(passed), latency(silent)));
		}
	}

	@Test
	void assertPassedThrowsTheFailureSummary() {
		try (Scenario s = this.plain.scenario("asserted")) {
			s.expect("a");
			ScenarioResult result = s.publish("b", Map.of()).awaitAll(SHORT);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessage(result.failureSummary());
		}
	}

	@Test
	void bytesThatAreNotTextAreShownAsBytes() {
		try (Scenario s = this.plain.scenario("binary")) {
			s.expect("frames", fieldEquals("n", 1));
			ScenarioResult result = s.publish("frames", new byte[] { 0, 1, (byte) 0xff }).awaitAll(SHORT);
			assertThat(result.failureSummary()).contains("\n      payload : <3 bytes: 00 01 ff>\n");
			assertThat(new String(this.transport.sent().get(0).payload(), StandardCharsets.ISO_8859_1)).hasSize(3);
			assertThat(this.transport.sent()).extracting(TransportMessage::topic).containsExactly("frames");
		}
	}

	@Test
	void textThatIsNotJsonIsToldApartFromAJsonString() {
		try (Scenario s = this.plain.scenario("text")) {
			Handle text = s.expect("text", fieldEquals("n", 1));
			Handle json = s.expect("json", fieldEquals("n", 1));
			ScenarioResult result = s.publish("text", "order shipped".getBytes(StandardCharsets.UTF_8))
				.publish("json", "\"order shipped\"".getBytes(StandardCharsets.UTF_8))
				.awaitAll(SHORT);
			assertThat(result.failureSummary()).contains("""
					  [FAIL] text
					      matcher : fieldEquals("n", 1)
					      why     : 1 message arrived but failed the matcher; latest mismatch: payload is not JSON \
					(13 bytes): at n: no field "n": the payload is bytes
					      payload : <13 bytes: "order shipped">
					      waited  : 50ms""").contains("""
					  [FAIL] json
					      matcher : fieldEquals("n", 1)
					      why     : 1 message arrived but failed the matcher; latest mismatch: at n: no field "n": \
					the payload is a string
					      payload : "order shipped"
					      waited  : 50ms""");
			assertThat(text.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(json.outcome()).isEqualTo(Outcome.FAIL);
		}
	}

	@Test
	void aTypedPayloadIsShownAsJsonWithItsSecretsRedacted() {
		try (Scenario s = this.plain.scenario("typed")) {
			Handle handle = s.expect("logins", Login.class,
					dev.choreo.match.Matchers.matching("admin", (Login login) -> "admin".equals(login.user())));
			ScenarioResult result = s.publish("logins", new Login("guest", "hunter2")).awaitAll(SHORT);
			assertThat(result.failureSummary()).contains("""
					  [FAIL] logins
					      matcher : admin
					      why     : 1 message arrived but failed the matcher; latest mismatch: expected admin, got \
					{"user":"guest","password":"hunter2"}
					      payload : {"user":"guest","password":"<redacted>"}
					      waited  : 50ms""");
			assertThat(handle.outcome()).isEqualTo(Outcome.FAIL);
		}
	}

	record Login(String user, String password) {
	}

}

package dev.choreo.junit.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.ScenarioObserver;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.FieldPath;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

class ScenarioJsonTests {

	private final List<ScenarioResult> results = new ArrayList<>();

	private final ScenarioObserver recorder = new ScenarioObserver() {
		@Override
		public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
			ScenarioJsonTests.this.results.add(result);
		}
	};

	private final Harness harness = Harness.builder(InMemoryTransport.create())
		.name("bus")
		.correlation(CorrelationPolicy.testNamespace())
		.observer(this.recorder)
		.keepTimelines(true)
		.slowFails(false)
		.build()
		.connect();

	private final Sanitizer sanitizer = new Sanitizer(List::of);

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void describesANearMiss() {
		try (Scenario s = this.harness.scenario("near miss")) {
			s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			s.publish("orders.settled", Map.of("status", "PENDING"))
				.publish("orders.settled", Map.of("status", "OPEN"));
			s.awaitAll(Duration.ofMillis(20));
		}
		JsonNode handle = scenario().path("handles").path(0);
		assertThat(handle.path("outcome").asString()).isEqualTo("fail");
		assertThat(handle.path("attempts").asInt()).isEqualTo(2);
		assertThat(handle.path("expected").path("status").asString()).isEqualTo("SETTLED");
		assertThat(handle.path("actual").path("status").asString()).isEqualTo("OPEN");
		assertThat(handle.path("failure")).isEqualTo(handle.path("failures").path(1));
		assertThat(handle.path("failures").size()).isEqualTo(2);
		assertThat(handle.path("matcher_description").asString()).isEqualTo("fieldEquals(\"status\", \"SETTLED\")");
		assertThat(handle.path("reason").asString()).isEqualTo("at status: expected \"SETTLED\", got \"OPEN\"");
		JsonNode diagnosis = handle.path("diagnosis");
		assertThat(diagnosis.path("kind").asString()).isEqualTo("near_miss");
		assertThat(diagnosis.path("attempts").asInt()).isEqualTo(2);
		assertThat(diagnosis.path("deadline_ms").asDouble()).isEqualTo(handle.path("latency_ms").asDouble());
	}

	@Test
	void writesBytesAsAMarkerThatNoJsonStringLooksLike() {
		try (Harness uncorrelated = Harness.builder(InMemoryTransport.create())
			.name("raw")
			.observer(this.recorder)
			.build()
			.connect(); Scenario s = uncorrelated.scenario("bytes")) {
			s.expect("receipts", payloadContains("settled"));
			s.expect("frames", payloadContains(new byte[] { 1, 2 }));
			s.publish("receipts", "receipt PAY-1 pending".getBytes(StandardCharsets.UTF_8))
				.publish("frames", new byte[] { 0, (byte) 0xff });
			s.awaitAll(Duration.ofMillis(20));
		}
		JsonNode receipt = scenario().path("handles").path(0);
		assertThat(receipt.path("matcher_description").asString()).isEqualTo("payloadContains(\"settled\")");
		assertThat(receipt.path("expected")).hasToString("{\"payloadContains\":\"settled\"}");
		assertThat(receipt.path("actual")).hasToString("{\"_bytes\":21,\"_text\":\"receipt PAY-1 pending\"}");
		assertThat(receipt.path("reason").asString())
			.isEqualTo("payload is not JSON (21 bytes): payload does not contain \"settled\"");
		assertThat(receipt.path("failure")).hasToString("{\"kind\":\"predicate\",\"path\":\"<raw>\","
				+ "\"expected\":{\"payloadContains\":\"settled\"},\"actual\":{\"_bytes\":21,\"_text\":\"receipt PAY-1 pending\"}}");
		JsonNode frame = scenario().path("handles").path(1);
		assertThat(frame.path("matcher_description").asString()).isEqualTo("payloadContains(<2 bytes: 01 02>)");
		assertThat(frame.path("expected")).hasToString("{\"payloadContains\":{\"_bytes\":2,\"_hex\":\"0102\"}}");
		assertThat(frame.path("actual")).hasToString("{\"_bytes\":2,\"_hex\":\"00ff\"}");
	}

	@Test
	void writesPathsAndCompositionsInTheDslsNotation() {
		try (Scenario s = this.harness.scenario("paths")) {
			s.expect("orders", allOf(fieldGt("items.0.qty", 0), fieldEquals(FieldPath.of("trace.id"), "t-1")));
			s.publish("orders", Map.of("items", List.of(Map.of("qty", 1)), "trace.id", "t-2"));
			s.awaitAll(Duration.ofMillis(20));
		}
		JsonNode handle = scenario().path("handles").path(0);
		assertThat(handle.path("matcher_description").asString())
			.isEqualTo("allOf(fieldGt(\"items.0.qty\", 0), fieldEquals(FieldPath.of(\"trace.id\"), \"t-1\"))");
		assertThat(handle.path("expected"))
			.hasToString("[{\"items[0].qty\":{\"gt\":0}},{\"[\\\"trace.id\\\"]\":\"t-1\"}]");
		assertThat(handle.path("failure")).hasToString("{\"kind\":\"composed\",\"path\":\"allOf\","
				+ "\"expected\":{\"allOf\":[{\"items[0].qty\":{\"gt\":0}},{\"[\\\"trace.id\\\"]\":\"t-1\"}]},"
				+ "\"children\":[{\"kind\":\"mismatch\",\"path\":\"[\\\"trace.id\\\"]\",\"expected\":\"t-1\",\"actual\":\"t-2\"}]}");
		assertThat(handle.path("reason").asString())
			.isEqualTo("allOf failed on fieldEquals(FieldPath.of(\"trace.id\"), "
					+ "\"t-1\"): at [\"trace.id\"]: expected \"t-1\", got \"t-2\"");
	}

	@Test
	void describesASilentTimeout() {
		try (Scenario s = this.harness.scenario("silent")) {
			s.expect("orders.settled");
			s.publish("orders.created", Map.of("id", 1)).awaitAll(Duration.ofMillis(10));
		}
		JsonNode scenario = scenario();
		JsonNode handle = scenario.path("handles").path(0);
		assertThat(scenario.path("outcome").asString()).isEqualTo("timeout");
		assertThat(handle.path("failure").isNull()).isTrue();
		assertThat(handle.path("failures").size()).isZero();
		assertThat(handle.path("actual").isNull()).isTrue();
		assertThat(handle.path("diagnosis").properties()).extracting(Map.Entry::getKey)
			.containsExactly("kind", "topic", "deadline_ms");
		assertThat(handle.path("diagnosis").path("topic").asString()).isEqualTo("orders.settled");
	}

	@Test
	void describesAPassAndASlowMatch() {
		try (Scenario s = this.harness.scenario("pass and slow")) {
			s.expect("orders.settled");
			s.expect("orders.audited").within(Duration.ofNanos(1));
			s.publish("orders.settled", Map.of("id", 1))
				.publish("orders.audited", Map.of("id", 1))
				.awaitAll(Duration.ofSeconds(2));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.path("outcome").asString()).isEqualTo("slow");
		JsonNode pass = scenario.path("handles").path(0);
		assertThat(pass.path("diagnosis").path("kind").asString()).isEqualTo("matched");
		assertThat(pass.path("actual").path("id").asInt()).isEqualTo(1);
		assertThat(pass.path("budget_ms").isNull()).isTrue();
		JsonNode slow = scenario.path("handles").path(1);
		assertThat(slow.path("diagnosis").path("kind").asString()).isEqualTo("over_budget");
		assertThat(slow.path("diagnosis").path("budget_ms").asDouble()).isEqualTo(slow.path("budget_ms").asDouble());
		assertThat(scenario.path("timeline").values()).isNotEmpty();
	}

	@Test
	void reportsTheWorstHandleAsTheScenarioOutcome() {
		try (Scenario s = this.harness.scenario("worst")) {
			s.expect("a.slow").within(Duration.ofNanos(1));
			s.expect("b.fail", fieldEquals("ok", true));
			s.expect("c.timeout");
			s.publish("a.slow", Map.of()).publish("b.fail", Map.of("ok", false)).awaitAll(Duration.ofMillis(10));
		}
		assertThat(scenario().path("outcome").asString()).as("FAIL outranks TIMEOUT").isEqualTo("fail");
	}

	@Test
	void labelsAScenarioThatFailedForAProblemFailEvenWhenItsHandlesPassed() {
		try (Scenario s = this.harness.scenario("untriggered")) {
			s.expect("orders.created");
			s.on("fraud.check").publish("fraud.result", Map.of());
			s.publish("orders.created", Map.of()).awaitAll(Duration.ofMillis(10));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.path("outcome").asString()).isEqualTo("fail");
		assertThat(scenario.path("handles").path(0).path("outcome").asString()).isEqualTo("pass");
		assertThat(scenario.path("problems").path(0).asString())
			.startsWith("reply to 'fraud.check' -> 'fraud.result'" + " was never triggered");
	}

	@Test
	void marksAnExpectNoneAndGivesItNoLatency() {
		try (Scenario s = this.harness.scenario("expected none")) {
			s.expectNone("orders.cancelled", fieldEquals("id", 1)).during(Duration.ofMillis(5));
			s.expectNone("orders.refunded", fieldEquals("id", 1));
			s.publish("orders.refunded", Map.of("id", 1)).awaitAll(Duration.ofSeconds(2));
		}
		JsonNode scenario = scenario();
		JsonNode quiet = scenario.path("handles").path(0);
		assertThat(quiet.path("outcome").asString()).isEqualTo("pass");
		assertThat(quiet.path("expect_none").asBoolean()).isTrue();
		assertThat(quiet.path("latency_ms").isNull()).isTrue();
		assertThat(quiet.path("diagnosis").path("kind").asString()).isEqualTo("nothing_arrived");
		assertThat(quiet.path("diagnosis").path("window_ms").asDouble()).isGreaterThanOrEqualTo(5.0);
		JsonNode unexpected = scenario.path("handles").path(1);
		assertThat(unexpected.path("outcome").asString()).isEqualTo("fail");
		assertThat(unexpected.path("expect_none").asBoolean()).isTrue();
		assertThat(unexpected.path("latency_ms").isNull()).isTrue();
		assertThat(unexpected.path("actual").path("id").asInt()).isEqualTo(1);
		assertThat(unexpected.path("diagnosis").path("kind").asString()).isEqualTo("unexpected_match");
		assertThat(unexpected.path("diagnosis").has("after_ms")).isTrue();
	}

	@Test
	void listsEachPublishBeforeItsDeliveryAndItsAcknowledgementAfter() {
		try (Scenario s = this.harness.scenario("causal")) {
			s.expect("orders.settled");
			s.publish("orders.settled", Map.of("id", 1)).awaitAll(Duration.ofSeconds(2));
		}
		assertThat(actions(scenario())).containsExactly("published", "received", "matched", "acknowledged");
	}

	@Test
	void describesAReplyAndItsTimelineEvenWhenPassing() {
		try (Scenario s = this.harness.scenario("reply")) {
			s.expect("fraud.result");
			s.on("fraud.check", fieldEquals("account", "ACME-1")).publish("fraud.result", Map.of("decision", "OK"));
			s.publish("fraud.check", Map.of("account", "ACME-1")).awaitAll(Duration.ofSeconds(2));
		}
		JsonNode scenario = scenario();
		JsonNode reply = scenario.path("replies").path(0);
		assertThat(reply.path("state").asString()).isEqualTo("replied");
		assertThat(reply.path("candidate_count").asInt()).isEqualTo(1);
		assertThat(reply.path("match_count").asInt()).isEqualTo(1);
		assertThat(reply.path("builder_error").isNull()).isTrue();
		assertThat(reply.path("correlation_overridden").asBoolean()).isFalse();
		assertThat(reply.path("matcher_description").asString()).isEqualTo("fieldEquals(\"account\", <value>)");
		assertThat(actions(scenario)).contains("replied");
	}

	@Test
	void describesAReplyWhoseBuilderFailed() {
		try (Scenario s = this.harness.scenario("reply fails")) {
			s.expect("fraud.check");
			s.on("fraud.check").publish("fraud.result", (trigger) -> {
				throw new IllegalArgumentException("no decision");
			});
			s.publish("fraud.check", Map.of("account", "ACME-1")).awaitAll(Duration.ofSeconds(2));
		}
		JsonNode scenario = scenario();
		JsonNode reply = scenario.path("replies").path(0);
		assertThat(reply.path("state").asString()).isEqualTo("reply_failed");
		assertThat(reply.path("builder_error").asString()).isEqualTo("IllegalArgumentException");
		assertThat(actions(scenario)).contains("reply_failed");
	}

	@Test
	void writesANullCorrelationIdWhenTheHarnessDoesNotCorrelate() {
		try (Harness plain = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = plain.scenario("plain")) {
			s.expect("x");
			this.results.add(s.publish("x", Map.of()).awaitAll(Duration.ofSeconds(2)));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.path("correlation_id").isNull()).isTrue();
		ReportSchema.assertValid(document(scenario));
	}

	@Test
	void reportsTheHandlesOfAnAbortedScenarioAsAborted() {
		try (Scenario s = this.harness.scenario("aborted")) {
			s.expect("orders.settled", fieldEquals("status", "SETTLED"));
			s.publish("orders.settled", Map.of("status", "PENDING"));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.path("completed_normally").asBoolean()).isFalse();
		assertThat(scenario.path("outcome").asString()).isEqualTo("aborted");
		JsonNode handle = scenario.path("handles").path(0);
		assertThat(handle.path("outcome").asString()).isEqualTo("aborted");
		assertThat(handle.path("attempts").asInt()).isEqualTo(1);
		assertThat(handle.path("latency_ms").isNull()).isTrue();
		assertThat(handle.path("diagnosis").path("kind").asString()).isEqualTo("aborted");
	}

	@Test
	void keepsAtMost100HandlesAndMarksTheRunTruncated() {
		try (Scenario s = this.harness.scenario("many")) {
			for (int i = 0; i < 105; i++) {
				s.expect("topic." + i);
			}
			s.publish("topic.0", Map.of()).awaitAll(Duration.ofMillis(5));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.path("handles").size()).isEqualTo(100);
		assertThat(this.sanitizer.truncated()).isTrue();
	}

	@Test
	void redactsSummariesReasonsAndDetails() {
		try (Scenario s = this.harness.scenario("secret password=hunter2")) {
			s.expect("login", fieldEquals("password", "x"));
			s.publish("login", Map.of("password", "hunter2", "note", "password=hunter2"))
				.awaitAll(Duration.ofMillis(10));
		}
		JsonNode scenario = scenario();
		assertThat(scenario.toString()).doesNotContain("hunter2");
		assertThat(scenario.path("name").asString()).isEqualTo("secret password=<redacted>");
		ReportSchema.assertValid(document(scenario));
	}

	private JsonNode scenario() {
		assertThat(this.results).isNotEmpty();
		ObjectNode json = new ScenarioJson(this.sanitizer).scenario(this.results.get(this.results.size() - 1));
		ReportSchema.assertValid(document(json));
		return json;
	}

	private static List<String> actions(JsonNode scenario) {
		List<String> actions = new ArrayList<>();
		scenario.path("timeline").values().forEach((entry) -> actions.add(entry.path("action").asString()));
		return actions;
	}

	static ObjectNode document(JsonNode scenario) {
		ObjectNode test = ReportDocumentTests.test("t#scenario()", "failed");
		test.withArray("scenarios").add(scenario);
		return ReportDocumentTests.document(List.of(test));
	}

}

package dev.choreo;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.testing.FakeTransport;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Replies staged with {@code on(...)}: when they fire, what they publish, how they are
 * stamped, and how they report and log a failure without leaking payloads. Checklist
 * items F-64 to F-79 and F-81 to F-86 (F-80 is in {@link ConcurrencyTests});
 * IllegalArgumentException plays the part of F-72's ValueError, and for F-86 a reply
 * report is not {@link Serializable}.
 */
class ReplyTests {

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

	private List<String> sentOn(String topic) {
		return this.transport.sent()
			.stream()
			.filter((message) -> message.topic().equals(topic))
			.map((message) -> new String(message.payload(), StandardCharsets.UTF_8))
			.toList();
	}

	@Test // F-64
	void aBuilderReplyCarriesFieldsFromTheTrigger() {
		try (Scenario s = this.harness.scenario("builder")) {
			Handle settled = s.expect("orders.settled",
					containsFields(Map.of("order_id", "ORD-42", "status", "SETTLED")));
			s.on("orders.created").publish("orders.settled", (trigger) -> {
				Map<?, ?> order = (Map<?, ?>) trigger;
				return Map.of("order_id", String.valueOf(order.get("order_id")), "status", "SETTLED");
			});
			ScenarioResult result = s.publish("orders.created", Map.of("order_id", "ORD-42")).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(settled.outcome()).isEqualTo(Outcome.PASS);
			ReplyReport reply = result.replyAt("orders.created");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(reply.replyTopic()).isEqualTo("orders.settled");
			assertThat(reply.triggerHarness()).isEqualTo("in-memory");
			assertThat(reply.replyHarness()).isEqualTo("in-memory");
			assertThat(reply.builderError()).isNull();
			assertThat(reply.correlationOverridden()).isFalse();
		}
	}

	@Test // F-65
	void aStaticMapReplyIsPublishedAndStamped() {
		try (Scenario s = this.harness.scenario("static")) {
			Handle handle = s.expect("confirmations", fieldEquals("ok", true));
			s.on("orders").publish("confirmations", Map.of("ok", true));
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(sentOn("confirmations"))
				.containsExactly("{\"ok\":true,\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test // F-65
	void aStaticBytesReplyGoesOutUnchanged() {
		byte[] raw = { 0, 1, 2, 3 };
		try (Scenario s = this.harness.scenario("bytes")) {
			s.on("orders").publish("frames", raw);
			List<TransportMessage> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
			this.transport.subscribe("frames", frames::add);
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(frames).singleElement().satisfies((frame) -> assertThat(frame.payload()).isSameAs(raw));
		}
	}

	@Test // F-65
	void aBytesReplyIsMatchedByPayloadContains() {
		try (Harness plain = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = plain.scenario("bytes")) {
			Handle handle = s.expect("frames", payloadContains(new byte[] { 2, 3 }));
			s.on("orders").publish("frames", new byte[] { 0, 1, 2, 3 });
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test // F-66
	void aReplyWithoutAMatcherFiresOnAnyTrigger() {
		try (Harness plain = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = plain.scenario("any")) {
			s.on("orders").publish("confirmations", Map.of());
			ReplyReport reply = s.publish("orders", "anything").awaitAll(SHORT).replyAt("orders");
			assertThat(reply.matchCount()).isEqualTo(1);
			assertThat(reply.matcherDescription()).isEqualTo("anyPayload()");
		}
	}

	@Test // F-67
	void aReplyWithAMatcherFiresOnTheFirstMatchingTrigger() {
		AtomicInteger calls = new AtomicInteger();
		try (Scenario s = this.harness.scenario("matching")) {
			s.on("orders", fieldEquals("currency", "EUR")).publish("payments", (trigger) -> {
				calls.incrementAndGet();
				return Map.of("for", ((Map<?, ?>) trigger).get("n"));
			});
			ReplyReport reply = s.publish("orders", Map.of("currency", "USD", "n", 1))
				.publish("orders", Map.of("currency", "EUR", "n", 2))
				.publish("orders", Map.of("currency", "EUR", "n", 3))
				.awaitAll(SHORT)
				.replyAt("orders");
			assertThat(calls).hasValue(1);
			assertThat(reply.candidateCount()).isEqualTo(3);
			assertThat(reply.matchCount()).isEqualTo(1);
			assertThat(reply.matcherDescription()).isEqualTo("fieldEquals(\"currency\", \"EUR\")");
			assertThat(sentOn("payments"))
				.containsExactly("{\"for\":2,\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test // F-68
	void twoTriggersFireTheReplyOnce() {
		AtomicInteger calls = new AtomicInteger();
		try (Scenario s = this.harness.scenario("twice")) {
			s.on("orders").publish("confirmations", (trigger) -> Map.of("n", calls.incrementAndGet()));
			ReplyReport reply = s.publish("orders", Map.of())
				.publish("orders", Map.of())
				.awaitAll(SHORT)
				.replyAt("orders");
			assertThat(calls).hasValue(1);
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(reply.candidateCount()).isEqualTo(2);
			assertThat(reply.matchCount()).isEqualTo(1);
			assertThat(reply.replyPublished()).isTrue();
			assertThat(sentOn("confirmations")).hasSize(1);
		}
	}

	@Test // F-69
	void threeTriggersAreThreeCandidatesAndOneMatch() {
		try (Scenario s = this.harness.scenario("thrice")) {
			s.on("orders").publish("confirmations", Map.of());
			ReplyReport reply = s.publish("orders", Map.of())
				.publish("orders", Map.of())
				.publish("orders", Map.of())
				.awaitAll(SHORT)
				.replyAt("orders");
			assertThat(reply.candidateCount()).isEqualTo(3);
			assertThat(reply.matchCount()).isEqualTo(1);
		}
	}

	@Test // F-70
	void aReplyThatNothingTriggeredIsArmedWithNoMatchAndWarnedAboutOnClose() {
		ReplyReport reply;
		try (LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = this.harness.scenario("untriggered")) {
				s.on("orders").publish("confirmations", Map.of());
				reply = s.publish("elsewhere", Map.of()).awaitAll(SHORT).replyAt("orders");
			}
			assertThat(logs.messages(Level.WARN)).containsExactly("Reply never sent: trigger=orders"
					+ " reply=confirmations matcher=anyPayload() state=armed_no_match candidates=0");
		}
		assertThat(reply.state()).isEqualTo(ReplyReportState.ARMED_NO_MATCH);
		assertThat(reply.candidateCount()).isZero();
		assertThat(reply.matchCount()).isZero();
		assertThat(reply.replyPublished()).isFalse();
		assertThat(sentOn("confirmations")).isEmpty();
	}

	@Test // F-71
	void aReplyWhoseTriggersAllMissedItsMatcherIsArmedAndMismatched() {
		try (LogCapture logs = LogCapture.choreo()) {
			ReplyReport reply;
			try (Scenario s = this.harness.scenario("mismatched")) {
				s.on("orders", fieldEquals("currency", "EUR")).publish("payments", Map.of());
				reply = s.publish("orders", Map.of("currency", "USD"))
					.publish("orders", Map.of("currency", "GBP"))
					.awaitAll(SHORT)
					.replyAt("orders");
			}
			assertThat(reply.state()).isEqualTo(ReplyReportState.ARMED_MATCHER_MISMATCHED);
			assertThat(reply.candidateCount()).isEqualTo(2);
			assertThat(reply.matchCount()).isZero();
			assertThat(logs.messages(Level.WARN)).containsExactly("Reply never sent: trigger=orders reply=payments"
					+ " matcher=fieldEquals(\"currency\", <value>) state=armed_matcher_mismatched candidates=2");
		}
	}

	@Test // F-72
	void aBuilderThatThrowsFailsTheReplyButNotTheOtherExpectations() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("builder-throws")) {
			Handle trigger = s.expect("orders");
			s.on("orders").publish("confirmations", (payload) -> {
				throw new IllegalArgumentException("bad order");
			});
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			ReplyReport reply = result.replyAt("orders");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLY_FAILED);
			assertThat(reply.builderError()).isEqualTo("IllegalArgumentException");
			assertThat(reply.matchCount()).isEqualTo(1);
			assertThat(reply.replyPublished()).isFalse();
			assertThat(trigger.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.passed()).as("a failed reply fails the scenario").isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.problems()).containsExactly("reply to 'orders' -> 'confirmations' failed: reply builder"
					+ " raised java.lang.IllegalArgumentException: bad order");
			assertThat(logs.messages(Level.ERROR)).containsExactly(
					"reply builder raised java.lang.IllegalArgumentException for trigger=orders reply=confirmations");
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::topic, TimelineEntry::detail)
				.contains(tuple(TimelineAction.REPLY_FAILED, "orders",
						"reply=confirmations error=IllegalArgumentException: bad order"));
		}
	}

	@Test // F-72
	void aBuilderMayThrowACheckedException() {
		try (Scenario s = this.harness.scenario("checked")) {
			s.on("orders").publish("confirmations", (payload) -> {
				throw new java.io.IOException("disk");
			});
			assertThat(s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders").builderError())
				.isEqualTo("IOException");
		}
	}

	@Test // F-73, changed: the test's own failure text says why the builder failed
	void aBuilderExceptionsTextReachesNoLogAndOnlyTheFailureTextScrubbed() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("secret")) {
			s.on("orders").publish("confirmations", (payload) -> {
				throw new IllegalStateException("SECRET-XYZ password=hunter2");
			});
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			ReplyReport reply = result.replyAt("orders");
			assertThat(reply.builderError()).isEqualTo("IllegalStateException");
			assertThat(reply.toString()).doesNotContain("SECRET-XYZ");
			assertThat(result.summary()).doesNotContain("SECRET-XYZ");
			assertThat(logs.everything()).doesNotContain("SECRET-XYZ");
			assertThat(result.failureSummary())
				.contains("reply builder raised java.lang.IllegalStateException:" + " SECRET-XYZ password=<redacted>")
				.doesNotContain("hunter2");
		}
	}

	@Test // F-74
	void theReplyIsStampedWithTheScenarioId() {
		try (Scenario s = this.harness.scenario("stamped")) {
			Handle handle = s.expect("confirmations");
			s.on("orders").publish("confirmations", (trigger) -> Map.of("ok", true));
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.message(Map.class)).containsEntry("correlation_id", result.correlationId());
		}
	}

	@Test // F-75
	void aForeignTriggerIsNotACandidate() {
		try (Scenario s = this.harness.scenario("foreign")) {
			s.on("orders").publish("confirmations", Map.of());
			s.trigger(() -> this.harness.publish("orders", Map.of("correlation_id", "TEST-someone-else")));
			ReplyReport reply = s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders");
			assertThat(reply.candidateCount()).isEqualTo(1);
			assertThat(reply.matchCount()).isEqualTo(1);
		}
	}

	@Test // F-76
	void aBuilderThatSetsAnotherIdOverridesItWithAWarningThatHidesTheValue() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("override")) {
			s.on("orders").publish("confirmations", (trigger) -> Map.of("correlation_id", "TEST-other"));
			ReplyReport reply = s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders");
			assertThat(reply.correlationOverridden()).isTrue();
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(reply.replyPublished()).isTrue();
			assertThat(sentOn("confirmations")).containsExactly("{\"correlation_id\":\"TEST-other\"}");
			assertThat(logs.messages(Level.WARN)).containsExactly("Reply correlation id overridden: trigger=orders"
					+ " reply=confirmations (the outgoing value is not logged; see the report's"
					+ " correlation_overridden flag)");
			assertThat(logs.everything()).doesNotContain("TEST-other");
		}
	}

	@Test // F-76
	void aBuilderThatKeepsTheScenarioIdDoesNotOverrideIt() {
		try (Scenario s = this.harness.scenario("kept")) {
			s.on("orders").publish("confirmations", (trigger) -> Map.of("correlation_id", s.correlationId()));
			assertThat(s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders").correlationOverridden())
				.isFalse();
		}
	}

	@Test // F-77
	void aBuilderIdOutsideTheNamespaceFailsTheReplyAndNothingIsPublished() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("prod")) {
			s.on("orders").publish("confirmations", (trigger) -> Map.of("correlation_id", "PROD-1"));
			ReplyReport reply = s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLY_FAILED);
			assertThat(reply.builderError()).isEqualTo("CorrelationIdNotInNamespaceException");
			assertThat(reply.replyPublished()).isFalse();
			assertThat(sentOn("confirmations")).isEmpty();
			assertThat(logs.messages(Level.ERROR)).containsExactly("reply correlation refused for trigger=orders"
					+ " reply=confirmations (CorrelationIdNotInNamespaceException)");
			assertThat(logs.everything()).doesNotContain("PROD-1");
		}
	}

	@Test // F-78
	void aBuilderThatRepublishesOnItsOwnTriggerFiresOnce() {
		try (Scenario s = this.harness.scenario("reentrant")) {
			s.on("orders").publish("confirmations", (trigger) -> {
				s.publish("orders", Map.of("again", true));
				return Map.of();
			});
			ReplyReport reply = s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders");
			assertThat(reply.candidateCount()).isEqualTo(2);
			assertThat(reply.matchCount()).isEqualTo(1);
			assertThat(sentOn("confirmations")).hasSize(1);
		}
	}

	@Test // F-79
	void aSharedTemplateReturnedByABuilderIsNeverChanged() {
		Map<String, Object> template = new HashMap<>(Map.of("status", "OK"));
		try (Scenario s = this.harness.scenario("template")) {
			s.on("orders").publish("confirmations", (trigger) -> template);
			s.on("payments").publish("receipts", template);
			s.publish("orders", Map.of()).publish("payments", Map.of()).awaitAll(SHORT);
			assertThat(template).isEqualTo(Map.of("status", "OK"));
			assertThat(sentOn("confirmations")).hasSize(1);
			assertThat(sentOn("receipts")).hasSize(1);
		}
	}

	@Test // F-81
	void repliesKeepTheirRegistrationOrder() {
		try (Scenario s = this.harness.scenario("order")) {
			s.on("c").publish("x", Map.of());
			s.on("a").publish("y", Map.of());
			s.on("b").publish("z", Map.of());
			s.on("a").publish("w", Map.of());
			ScenarioResult result = s.publish("a", Map.of()).awaitAll(SHORT);
			assertThat(result.replies()).extracting(ReplyReport::triggerTopic).containsExactly("c", "a", "b", "a");
			assertThat(result.replyAt("a").replyTopic()).isEqualTo("y");
		}
	}

	@Test // F-82
	void theSummaryListsRepliesOnlyWhenThereAreSome() {
		try (Scenario s = this.harness.scenario("with-replies")) {
			s.on("orders").publish("confirmations", Map.of());
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.summary()).isEqualTo(
					"scenario=with-replies passed=true\nReplies:\n  orders -> confirmations: replied (1 match / 1 candidate)");
		}
		try (Scenario s = this.harness.scenario("without")) {
			s.expect("orders");
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.summary()).doesNotContain("Replies:");
		}
	}

	@Test // F-83
	void replySubscriptionsAreReleasedAfterACleanExitAndAfterAnException() {
		try (Scenario s = this.harness.scenario("clean")) {
			s.on("orders").publish("confirmations", Map.of());
			assertThat(this.harness.activeSubscriptionCount()).isEqualTo(1);
			s.publish("orders", Map.of()).awaitAll(SHORT);
		}
		assertThat(this.harness.activeSubscriptionCount()).isZero();
		try {
			try (Scenario s = this.harness.scenario("thrown")) {
				s.on("orders").publish("confirmations", Map.of());
				throw new IllegalStateException("test failed");
			}
		}
		catch (IllegalStateException expected) {
			assertThat(expected).hasMessage("test failed");
		}
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test // F-84
	void aPassingScenarioWithRepliesKeepsItsTimeline() {
		try (Scenario s = this.harness.scenario("kept")) {
			s.expect("confirmations");
			s.on("orders").publish("confirmations", Map.of());
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::topic, TimelineEntry::detail)
				.containsExactly(tuple(TimelineAction.PUBLISHED, "orders", ""),
						tuple(TimelineAction.RECEIVED, "orders", "reply:confirmations"),
						tuple(TimelineAction.REPLIED, "orders", "reply=confirmations"),
						tuple(TimelineAction.RECEIVED, "confirmations", "expect"),
						tuple(TimelineAction.MATCHED, "confirmations", "anyPayload()"),
						tuple(TimelineAction.ACKNOWLEDGED, "confirmations", "reply"),
						tuple(TimelineAction.ACKNOWLEDGED, "orders", ""));
		}
	}

	@Test // F-85
	void theNeverSentWarningHidesTheMatchersLiteralValues() {
		try (LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = this.harness.scenario("secret-matcher")) {
				s.on("accounts", fieldEquals("account", "ACME-SECRET-123")).publish("confirmations", Map.of());
				s.publish("accounts", Map.of("account", "OTHER")).awaitAll(SHORT);
			}
			assertThat(logs.messages(Level.WARN)).containsExactly("Reply never sent: trigger=accounts"
					+ " reply=confirmations matcher=fieldEquals(\"account\", <value>) state=armed_matcher_mismatched candidates=1");
			assertThat(logs.everything()).doesNotContain("ACME-SECRET-123");
		}
	}

	@Test // F-86
	void aReplyReportCannotBeSerialisedAndShowsNoPayload() {
		try (Scenario s = this.harness.scenario("report")) {
			s.on("orders").publish("confirmations", Map.of("secret", "REPLY-PAYLOAD"));
			ReplyReport reply = s.publish("orders", Map.of("secret", "TRIGGER-PAYLOAD"))
				.awaitAll(SHORT)
				.replyAt("orders");
			assertThat(reply).isNotInstanceOf(Serializable.class)
				.hasToString("ReplyReport[trigger=orders, reply=confirmations, state=replied]");
		}
	}

	@Test
	void respondAnswersTheTriggersReplyAddress() {
		try (Scenario s = this.harness.scenario("request")) {
			Handle answer = s.expect("inbox.42", fieldEquals("decision", "APPROVE"));
			s.on("fraud.check").respond((trigger) -> Map.of("decision", "APPROVE"));
			ScenarioResult result = s
				.publish("fraud.check", OutboundMessage.of(Map.of("order", 1)).withReplyTo("inbox.42"))
				.awaitAll(SHORT);
			assertThat(answer.outcome()).isEqualTo(Outcome.PASS);
			ReplyReport reply = result.replyAt("fraud.check");
			assertThat(reply.replyTopic()).isEqualTo("<reply-to>");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::detail)
				.contains(tuple(TimelineAction.REPLIED, "reply=<reply-to>"));
		}
	}

	@Test
	void respondToATriggerWithoutAReplyAddressFailsTheReply() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("no-address")) {
			s.on("fraud.check").respond(Map.of("decision", "APPROVE"));
			ReplyReport reply = s.publish("fraud.check", Map.of()).awaitAll(SHORT).replyAt("fraud.check");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLY_FAILED);
			assertThat(reply.builderError()).isEqualTo("MissingReplyAddress");
			assertThat(logs.messages(Level.ERROR)).containsExactly("reply to trigger=fraud.check failed: the trigger"
					+ " carried no reply address; respond() answers requests (a NATS request, an AMQP message with"
					+ " reply_to)");
		}
	}

	@Test
	void aReplyMayCarryHeadersAndAKey() {
		try (Scenario s = this.harness.scenario("metadata")) {
			Handle handle = s.expect("confirmations", headerEquals("tenant", "acme"));
			s.on("orders")
				.publish("confirmations", OutboundMessage.of(Map.of()).withHeader("tenant", "acme").withKey("k"));
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(this.transport.sent()).filteredOn((message) -> message.topic().equals("confirmations"))
				.singleElement()
				.satisfies((message) -> assertThat(message.key()).isEqualTo("k"));
		}
	}

	@Test
	void aReplyMatcherThatThrowsTreatsTheMessageAsNoTrigger() {
		try (LogCapture logs = LogCapture.choreo(); Scenario s = this.harness.scenario("matcher-throws")) {
			s.on("orders", new ThrowingMatcher()).publish("confirmations", Map.of());
			ReplyReport reply = s.publish("orders", Map.of()).awaitAll(SHORT).replyAt("orders");
			assertThat(reply.state()).isEqualTo(ReplyReportState.ARMED_MATCHER_MISMATCHED);
			assertThat(logs.messages(Level.WARN)).containsExactly("Reply matcher for trigger=orders raised"
					+ " java.lang.IllegalStateException; the message is not a trigger");
			assertThat(logs.everything()).doesNotContain("SECRET");
		}
	}

	@Test
	void aReplyWhosePublishFailsReportsTheErrorClass() {
		FakeTransport failing = FakeTransport.named("fake");
		try (Harness fake = Harness.builder(failing).build().connect();
				LogCapture logs = LogCapture.choreo();
				Scenario s = fake.scenario("publish-fails")) {
			s.on("orders").publish("confirmations", Map.of());
			failing.failingPublish(new TransportException("broker said no"));
			s.publish("orders", Map.of());
			failing.deliver(TransportMessage.of("orders", "{}".getBytes(StandardCharsets.UTF_8)));
			ReplyReport reply = s.awaitAll(SHORT).replyAt("orders");
			assertThat(reply.state()).isEqualTo(ReplyReportState.REPLY_FAILED);
			assertThat(reply.builderError()).isEqualTo("TransportException");
			assertThat(reply.candidateCount()).isEqualTo(1);
			assertThat(reply.replyPublished()).isFalse();
			assertThat(logs.messages(Level.ERROR)).containsExactly("reply publish to 'confirmations' on harness 'fake'"
					+ " failed (dev.choreo.transport.TransportException)");
			assertThat(logs.everything()).doesNotContain("broker said no");
		}
	}

	@Test
	void aReplyCascadeRunsEveryHopOnce() {
		try (Scenario s = this.harness.scenario("cascade")) {
			Handle last = s.expect("hop.3", containsFields(Map.of("trail", List.of(0, 1, 2))));
			for (int hop = 0; hop < 3; hop++) {
				int current = hop;
				s.on("hop." + hop).publish("hop." + (hop + 1), (trigger) -> {
					Map<String, Object> next = new LinkedHashMap<>();
					List<Object> trail = new java.util.ArrayList<>((List<?>) ((Map<?, ?>) trigger).get("trail"));
					trail.add(current);
					next.put("trail", trail);
					return next;
				});
			}
			ScenarioResult result = s.publish("hop.0", Map.of("trail", List.of())).awaitAll(SHORT);
			assertThat(last.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.replies()).allSatisfy((reply) -> {
				assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED);
				assertThat(reply.candidateCount()).isEqualTo(1);
				assertThat(reply.matchCount()).isEqualTo(1);
				assertThat(reply.correlationOverridden()).isFalse();
			});
		}
	}

	@Test
	void publishOnNamesAHarnessOfTheScenario() {
		try (Scenario s = this.harness.scenario("named")) {
			Handle handle = s.expect("confirmations");
			s.on("orders").publishOn("in-memory", "confirmations", (trigger) -> Map.of());
			assertThatIllegalArgumentException().isThrownBy(() -> s.on("orders").publishOn("kafka", "x", Map.of()))
				.withMessage("No harness named 'kafka' in this scenario; it has [in-memory]");
			s.publish("orders", Map.of()).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	static final class ThrowingMatcher implements MessageMatcher {

		@Override
		public String description() {
			return "throws";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			throw new IllegalStateException("SECRET");
		}

	}

}

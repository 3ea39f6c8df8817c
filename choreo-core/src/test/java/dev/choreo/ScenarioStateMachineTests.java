package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scenario state machine: building, triggered, closed, and the one exception type for
 * steps out of order, with its full texts. Checklist items. A-1's "even just
 * reading the attribute" has no Java counterpart: a step is refused when it is called.
 */
class ScenarioStateMachineTests {

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

	@Test
	void publishOnAFreshScenarioSaysToExpectFirst() {
		try (Scenario s = this.harness.scenario("fresh")) {
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("id", 1)))
				.withMessage("Scenario 'fresh' has nothing to check: add expect(...), expectNone(...) or a reply with"
						+ " on(...).respond/publish(...)");
			assertThat(this.transport.sent()).isEmpty();
		}
	}

	@Test
	void triggerOnAFreshScenarioSaysToExpectFirstAndDoesNotRunTheAction() {
		try (Scenario s = this.harness.scenario("fresh")) {
			List<String> ran = new java.util.ArrayList<>();
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.trigger(() -> ran.add("ran")))
				.withMessage("Scenario 'fresh' has nothing to check: add expect(...), expectNone(...) or a reply with"
						+ " on(...).respond/publish(...)");
			assertThat(ran).isEmpty();
		}
	}

	@Test
	void awaitAllOnAFreshScenarioSaysToPublishFirst() {
		try (Scenario s = this.harness.scenario("fresh")) {
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT))
				.withMessage(
						"Scenario 'fresh' has not published anything: call publish() or trigger() before awaitAll()");
		}
	}

	@Test
	void awaitAllAfterExpectButBeforePublishSaysToPublishFirst() {
		try (Scenario s = this.harness.scenario("expecting")) {
			s.expect("orders");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(s::awaitAll)
				.withMessage(
						"Scenario 'expecting' has not published anything: call publish() or trigger() before awaitAll()");
		}
	}

	@Test
	void expectAfterPublishSaysExpectationsMustBeLiveFirst() {
		try (Scenario s = this.harness.scenario("triggered")) {
			s.expect("orders").outcome();
			s.publish("orders", Map.of("id", 1));
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.expect("more"))
				.withMessage("Scenario 'triggered' has already published: call expect() before the first publish(),"
						+ " since expectations must be live before their messages are sent");
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.expect("more", ExpectedOrder.class, fieldEquals("id", 1)))
				.withMessage("Scenario 'triggered' has already published: call expect() before the first publish(),"
						+ " since expectations must be live before their messages are sent");
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.expectNone("more", fieldEquals("id", 1)))
				.withMessage("Scenario 'triggered' has already published: call expectNone() before the first"
						+ " publish(), since expectations must be live before their messages are sent");
			assertThat(this.harness.activeSubscriptionCount()).isEqualTo(1);
		}
	}

	@Test
	void onAfterPublishSaysRepliesMustBeLiveFirst() {
		try (Scenario s = this.harness.scenario("triggered")) {
			s.expect("orders");
			s.publish("orders", Map.of("id", 1));
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.on("more"))
				.withMessage("Scenario 'triggered' has already published: call on() before the first publish(),"
						+ " since replies must be live before their messages are sent");
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.on("more", fieldEquals("id", 1)))
				.withMessage("Scenario 'triggered' has already published: call on() before the first publish(),"
						+ " since replies must be live before their messages are sent");
		}
	}

	@Test // A-4, changed: a chain cannot be left open past the first publish
	void aReplyChainLeftOpenStopsThePublishUntilItHasItsReply() {
		try (Scenario s = this.harness.scenario("late-reply")) {
			ReplyChain<Scenario> chain = s.on("orders");
			s.expect("confirmations");
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("id", 1)))
				.withMessage("Scenario 'late-reply' has an on('orders') with no reply: finish it with .respond(...),"
						+ " .publish(...) or .publishOn(...) before publish()");
			assertThat(this.transport.sent()).isEmpty();
			chain.publish("confirmations", Map.of("ok", true));
			s.publish("orders", Map.of("id", 1)).awaitAll(Duration.ofSeconds(5)).assertPassed();
		}
	}

	@Test // A-5, changed: an on() without a reply checks nothing
	void anOnWithoutAReplyIsAnErrorThatSaysHowToFinishIt() {
		try (Scenario s = this.harness.scenario("reply-only")) {
			s.on("orders");
			assertThatExceptionOfType(IllegalScenarioStateException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("id", 1)))
				.withMessage("Scenario 'reply-only' has an on('orders') with no reply: finish it with .respond(...),"
						+ " .publish(...) or .publishOn(...) before publish()");
		}
	}

	@Test
	void aScenarioWithNothingToCheckIsAnErrorThatSaysWhatToAdd() {
		try (Scenario s = this.harness.scenario("empty")) {
			s.on("orders").optional().publish("confirmations", Map.of("ok", true));
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.trigger(() -> {
			}))
				.withMessage("Scenario 'empty' has nothing to check: add expect(...), expectNone(...) or a reply with"
						+ " on(...).respond/publish(...)");
		}
	}

	@Test // A-5, changed: a reply-only scenario waits for its reply, not for its timeout
	void aReplyOnlyScenarioReturnsOnceItsReplyWasSent() {
		try (Scenario s = this.harness.scenario("reply-only")) {
			s.on("orders").publish("confirmations", Map.of("ok", true));
			ScenarioResult result = s.publish("orders", Map.of("id", 1)).awaitAll(Duration.ofMinutes(10));
			assertThat(result.passed()).isTrue();
			assertThat(result.replies()).singleElement()
				.satisfies((reply) -> assertThat(reply.state()).isEqualTo(ReplyReportState.REPLIED))
				.satisfies((reply) -> assertThat(reply.replyPublished()).isTrue());
		}
	}

	@Test
	void aReplyOnlyScenarioWhoseReplyNeverFiresFails() {
		try (Scenario s = this.harness.scenario("reply-only")) {
			s.on("orders").publish("confirmations", Map.of("ok", true));
			ScenarioResult result = s.publish("elsewhere", Map.of("id", 1)).awaitAll(SHORT);
			assertThat(result.passed()).isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.problems()).containsExactly("reply to 'orders' -> 'confirmations' was never triggered:"
					+ " no message of this scenario arrived on 'orders'; declare it optional() if the flow may not call"
					+ " it");
			assertThat(result.replies()).singleElement()
				.extracting(ReplyReport::state)
				.isEqualTo(ReplyReportState.ARMED_NO_MATCH);
		}
	}

	@Test
	void aReplyChainReturnsTheSameScenario() {
		try (Scenario s = this.harness.scenario("chain")) {
			assertThat(s.on("orders").publish("confirmations", Map.of("ok", true))).isSameAs(s);
			assertThat(s.on("orders").publish("confirmations", (trigger) -> Map.of("ok", true))).isSameAs(s);
			assertThat(s.on("orders").respond(Map.of("ok", true))).isSameAs(s);
			assertThat(s.on("orders").respond((trigger) -> Map.of("ok", true))).isSameAs(s);
			assertThat(s.publish("x", Map.of())).isSameAs(s);
			assertThat(s.trigger(() -> {
			})).isSameAs(s);
		}
	}

	@Test
	void aReplyChainTakesExactlyOneReply() {
		try (Scenario s = this.harness.scenario("chain")) {
			ReplyChain<Scenario> chain = s.on("orders");
			chain.publish("confirmations", Map.of("ok", true));
			assertThatExceptionOfType(ReplyAlreadyBoundException.class)
				.isThrownBy(() -> chain.publish("confirmations", Map.of("ok", true)))
				.withMessage("The reply chain for trigger 'orders' already has a reply; each on(...) takes exactly one,"
						+ " so call on(...) again to register another")
				.isInstanceOf(IllegalScenarioStateException.class);
			assertThatExceptionOfType(ReplyAlreadyBoundException.class).isThrownBy(() -> chain.respond(Map.of()));
			assertThatExceptionOfType(ReplyAlreadyBoundException.class)
				.isThrownBy(() -> chain.publishOn(this.harness.name(), "other", Map.of()));
			assertThat(this.harness.activeSubscriptionCount()).isEqualTo(1);
		}
	}

	@Test
	void publishMayBeCalledAgainAfterTheFirstAndEveryMessageIsSent() {
		try (Scenario s = this.harness.scenario("many")) {
			Handle third = s.expect("orders", fieldEquals("n", 3));
			s.publish("orders", Map.of("n", 1)).publish("orders", Map.of("n", 2)).publish("orders", Map.of("n", 3));
			ScenarioResult result = s.awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(third.attempts()).isEqualTo(2);
			assertThat(this.transport.sent()).extracting(TransportMessage::topic)
				.containsExactly("orders", "orders", "orders");
		}
	}

	@Test
	void awaitAllMayBeCalledAgainAndPublishAfterIt() {
		try (Scenario s = this.harness.scenario("again")) {
			Handle handle = s.expect("orders");
			ScenarioResult first = s.publish("orders", Map.of("n", 1)).awaitAll(SHORT);
			s.publish("orders", Map.of("n", 2));
			ScenarioResult second = s.awaitAll(SHORT);
			assertThat(first.passed()).isTrue();
			assertThat(second.passed()).isTrue();
			assertThat(second.handles()).containsExactly(handle);
			assertThat(handle.message()).isEqualTo(Map.of("n", 1, "correlation_id", s.correlationId()));
		}
	}

	@Test
	void aPublishRefusedByThePolicyLeavesTheScenarioExpecting() {
		try (Scenario s = this.harness.scenario("refused")) {
			s.expect("orders");
			assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("correlation_id", "PROD-1")));
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT))
				.withMessage(
						"Scenario 'refused' has not published anything: call publish() or trigger() before awaitAll()");
			Handle more = s.expect("more");
			assertThat(s.publish("more", Map.of()).awaitAll(SHORT).handles()).endsWith(more);
		}
	}

	@Test
	void aTriggerThatThrowsLeavesTheScenarioExpecting() {
		try (Scenario s = this.harness.scenario("thrown")) {
			s.expect("orders");
			assertThatIllegalArgumentException().isThrownBy(() -> s.trigger(() -> {
				throw new IllegalArgumentException("service refused");
			}));
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT));
			s.expect("more");
		}
	}

	@Test
	void aPublishOnAClosedHarnessLeavesTheScenarioExpecting() {
		try (Scenario s = this.harness.scenario("offline")) {
			s.expect("orders");
			this.harness.close();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> s.publish("orders", Map.of()))
				.withMessage("Harness 'in-memory' is not connected; call connect() first")
				.isNotInstanceOf(IllegalScenarioStateException.class);
			this.harness.connect();
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT));
		}
	}

	@Test
	void triggerCountsAsAPublish() {
		try (Scenario s = this.harness.scenario("triggered")) {
			Handle handle = s.expect("orders", fieldEquals("id", 7));
			ScenarioResult result = s
				.trigger(() -> this.harness.publish("orders", Map.of("id", 7, "correlation_id", s.correlationId())))
				.awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.expect("late"));
		}
	}

	@Test
	void everyStepOnAClosedScenarioSaysToOpenANewOne() {
		Scenario s = this.harness.scenario("closed");
		ReplyChain<Scenario> chain = s.on("orders");
		s.close();
		String closed = "Scenario 'closed' is closed, so %s is not allowed; open a new scenario for more steps";
		assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.expect("orders"))
			.withMessage(closed, "expect()");
		assertThatExceptionOfType(IllegalScenarioStateException.class)
			.isThrownBy(() -> s.expectNone("orders", fieldEquals("id", 1)))
			.withMessage(closed, "expectNone()");
		assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.on("orders"))
			.withMessage(closed, "on()");
		assertThatExceptionOfType(IllegalScenarioStateException.class)
			.isThrownBy(() -> chain.publish("confirmations", Map.of()))
			.withMessage(closed, "publish() on the reply chain");
		assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.publish("orders", Map.of()))
			.withMessage(closed, "publish()");
		assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.trigger(() -> {
		})).withMessage(closed, "trigger()");
		assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT))
			.withMessage(closed, "awaitAll()");
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test
	void closingTwiceDoesNothing() {
		Scenario s = this.harness.scenario("twice");
		s.expect("orders");
		s.close();
		s.close();
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test
	void emptyTopicsAreRefusedWithAnArgumentError() {
		try (Scenario s = this.harness.scenario("topics")) {
			assertThatIllegalArgumentException().isThrownBy(() -> s.expect(""))
				.withMessage("A topic must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> s.on("")).withMessage("A topic must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> s.on("orders").publish("", Map.of()))
				.withMessage("A reply topic must not be empty");
			s.expect("orders");
			assertThatIllegalArgumentException().isThrownBy(() -> s.publish("", Map.of()))
				.withMessage("A topic must not be empty");
		}
	}

	@Test
	void theScenarioNamesItselfAndItsHarness() {
		try (Scenario s = this.harness.scenario("named")) {
			assertThat(s.name()).isEqualTo("named");
			assertThat(s).hasToString("Scenario[name=named, harness=in-memory]");
		}
	}

	record ExpectedOrder(int id) {
	}

}

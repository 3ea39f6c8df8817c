package dev.choreo.correlation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.Surprise;
import dev.choreo.testing.FakeTransport;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static dev.choreo.match.Matchers.headerEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Correlation policies at work in scenarios: the harness default, the warning for an
 * uncorrelated shared broker, broadcast versus isolation, and correlation in a header.
 * Checklist items G-92 to G-97; G-93's warning is decided by the transport's type
 * (anything but the in-memory transport), not by its class name.
 */
class ScenarioCorrelationTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	@Test // G-92
	void aHarnessDefaultsToNoCorrelationAndExposesAnExplicitPolicyAsGiven() {
		assertThat(Harness.builder(InMemoryTransport.create()).build().correlation())
			.isSameAs(CorrelationPolicy.none());
		CorrelationPolicy policy = CorrelationPolicy.field("trace_id");
		assertThat(Harness.builder(InMemoryTransport.create()).correlation(policy).build().correlation())
			.isSameAs(policy);
	}

	@Test // G-93
	void noCorrelationInMemoryIsNotWarnedAbout() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = Harness.builder(InMemoryTransport.create()).build().connect()) {
			assertThat(harness.isConnected()).isTrue();
			assertThat(logs.events()).isEmpty();
		}
	}

	@Test // G-93
	void noCorrelationOnAnyOtherTransportIsWarnedAboutNamingTheTransport() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = Harness.builder(FakeTransport.named("shared")).build().connect()) {
			assertThat(logs.messages(Level.WARN)).containsExactly("Harness 'shared' (FakeTransport) has no correlation"
					+ " policy: scenarios running at the same time on a shared broker will see each other's messages;"
					+ " use CorrelationPolicy.field(...) or .header(...) to keep them apart");
			harness.connect();
			assertThat(logs.messages(Level.WARN)).hasSize(1);
		}
	}

	@Test
	void noCorrelationIsNotWarnedAboutWhenTheBuilderSwitchesTheWarningOff() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = Harness.builder(FakeTransport.named("shared"))
					.warnWithoutCorrelation(false)
					.build()
					.connect()) {
			assertThat(logs.events()).isEmpty();
		}
	}

	@Test // G-93
	void aCorrelatingHarnessOnAnotherTransportIsNotWarnedAbout() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = Harness.builder(FakeTransport.named("shared"))
					.correlation(CorrelationPolicy.field("correlation_id"))
					.build()
					.connect()) {
			assertThat(logs.events()).isEmpty();
		}
	}

	@Test // G-94
	void withoutCorrelationEveryScenarioOnATopicSeesEveryMessage() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario a = harness.scenario("a");
				Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("events", fieldEquals("from", "a"));
			Handle inB = b.expect("events", fieldEquals("from", "a"));
			a.publish("events", Map.of("from", "a"));
			b.trigger(() -> {
			});
			assertThat(a.awaitAll(SHORT).passed()).isTrue();
			assertThat(b.awaitAll(SHORT).passed()).isTrue();
			assertThat(inA.outcome()).isEqualTo(Outcome.PASS);
			assertThat(inB.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test // G-95
	void withAFieldPolicyEachScenarioSeesOnlyItsOwnMessages() {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("events", fieldExists("from"));
			Handle inB = b.expect("events", fieldExists("from"));
			a.publish("events", Map.of("from", "a"));
			b.publish("events", Map.of("from", "b"));
			a.awaitAll(SHORT);
			b.awaitAll(SHORT);
			assertThat(inA.message(Map.class)).containsEntry("from", "a")
				.containsEntry("correlation_id", a.correlationId());
			assertThat(inB.message(Map.class)).containsEntry("from", "b")
				.containsEntry("correlation_id", b.correlationId());
			assertThat(inA.attempts()).isZero();
			assertThat(inB.attempts()).isZero();
			assertThat(a.correlationId()).isNotEqualTo(b.correlationId());
		}
	}

	@Test // G-95
	void withAFieldPolicyANearMissOfOneScenarioIsInvisibleToTheOther() {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
			Handle inA = a.expect("events", fieldEquals("from", "a"));
			Handle inB = b.expect("events", fieldEquals("from", "b"));
			a.publish("events", Map.of("from", "wrong"));
			b.trigger(() -> {
			});
			a.awaitAll(SHORT);
			b.awaitAll(SHORT);
			assertThat(inA.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(inB.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(inB.attempts()).isZero();
		}
	}

	@Test // G-96
	void withoutCorrelationAScenarioHasNoId() {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).build().connect();
				Scenario s = harness.scenario("plain")) {
			Handle handle = s.expect("events");
			assertThat(s.correlationId()).isNull();
			assertThat(handle.correlationId()).isNull();
			ScenarioResult result = s.publish("events", Map.of()).awaitAll(SHORT);
			assertThat(result.correlationId()).isNull();
		}
	}

	@Test // G-97
	void aHeaderPolicyStampsAHeaderAndRoutesByIt() {
		InMemoryTransport transport = InMemoryTransport.create();
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.header("x-correlation-id"))
			.build()
			.connect(); Scenario s = harness.scenario("header")) {
			Handle mine = s.expect("events", fieldEquals("n", 1));
			Handle reply = s.expect("replies", headerEquals("x-correlation-id", String.valueOf(s.correlationId())));
			s.on("events").publish("replies", Map.of("ok", true));
			s.trigger(() -> harness.publish("events",
					dev.choreo.OutboundMessage.of(Map.of("n", 2)).withHeader("x-correlation-id", "someone-else")));
			ScenarioResult result = s.publish("events", Map.of("n", 1)).awaitAll(SHORT);
			assertThat(result.passed()).isTrue();
			assertThat(mine.attempts()).isZero();
			assertThat(reply.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.replyAt("events").state()).isEqualTo(ReplyReportState.REPLIED);
			TransportMessage sent = transport.sent().get(1);
			assertThat(sent.headers()).isEqualTo(Map.of("x-correlation-id", s.correlationId()));
			assertThat(new String(sent.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
			assertThat(harness.surprises()).singleElement().satisfies((surprise) -> {
				assertThat(surprise.kind()).isEqualTo(Surprise.Kind.UNKNOWN_SCOPE);
				assertThat(surprise.correlationId()).isEqualTo("someone-else");
			});
		}
	}

	@Test // G-97
	void aHeaderPolicyStampsBytesToBecauseItNeverTouchesThePayload() {
		InMemoryTransport transport = InMemoryTransport.create();
		byte[] raw = { 1, 2, 3 };
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.header("x-correlation-id"))
			.build()
			.connect(); Scenario s = harness.scenario("header-bytes")) {
			Handle handle = s.expect("frames");
			s.on("frames").publish("acks", new byte[] { 9 });
			Handle ack = s.expect("acks", headerEquals("x-correlation-id", String.valueOf(s.correlationId())));
			s.publish("frames", raw).awaitAll(SHORT);
			TransportMessage sent = transport.sent().get(0);
			assertThat(sent.payload()).isSameAs(raw);
			assertThat(sent.headers()).isEqualTo(Map.of("x-correlation-id", s.correlationId()));
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(ack.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test // G-97
	void aHeaderPolicyOnATransportWithoutHeadersIsRefusedWhenTheHarnessIsBuilt() {
		FakeTransport plain = FakeTransport.named("plain", FakeTransport.NO_HEADERS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Harness.builder(plain).correlation(CorrelationPolicy.header("x-correlation-id")).build())
			.withMessage(
					"CorrelationPolicy.header(x-correlation-id) keeps the correlation id in a header, but the plain"
							+ " transport carries no headers; use CorrelationPolicy.field(...) instead");
		assertThat(
				Harness.builder(plain).correlation(CorrelationPolicy.field("id")).build().correlation().usesHeaders())
			.isFalse();
	}

	@Test
	void aPolicyThatCannotReadAMessageDropsItWithAWarningAndASurprise() {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(new UnreadablePolicy())
			.build()
			.connect(); Scenario s = harness.scenario("unreadable"); LogCapture logs = LogCapture.choreo()) {
			Handle handle = s.expect("events");
			s.publish("events", Map.of("secret", "SECRET")).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(logs.messages(Level.WARN)).containsExactly("Correlation policy UnreadablePolicy could not read a"
					+ " message on 'events' (java.lang.IllegalStateException); the message is dropped");
			assertThat(logs.everything()).doesNotContain("SECRET");
			assertThat(harness.surprises()).singleElement()
				.satisfies((surprise) -> assertThat(surprise.kind()).isEqualTo(Surprise.Kind.POLICY_ERROR));
		}
	}

	static final class UnreadablePolicy implements CorrelationPolicy {

		@Override
		public String newId() {
			return "id-1";
		}

		@Override
		public Envelope write(Envelope envelope, String correlationId) {
			return envelope;
		}

		@Override
		public String read(Envelope envelope) {
			throw new IllegalStateException("cannot read SECRET");
		}

		@Override
		public boolean routesByCorrelation() {
			return true;
		}

	}

}

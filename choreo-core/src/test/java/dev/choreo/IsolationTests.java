package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation holds or says why it cannot: a message without the scenario's id counts for
 * no scenario unless the harness broadcasts, a timeout next to id-less traffic names the
 * missing id, text that holds a JSON object is stamped, and a payload that cannot carry
 * the id is warned about once per topic.
 */
class IsolationTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final InMemoryTransport transport = InMemoryTransport.create();

	private Harness harness(CorrelationPolicy policy) {
		return Harness.builder(this.transport).correlation(policy).build().connect();
	}

	/**
	 * A service that answers every order on {@code orders.approved} but drops the
	 * correlation id on the way.
	 */
	private void serviceThatDropsTheId() {
		this.transport.subscribe("orders.created",
				(message) -> this.transport.publish(
						TransportMessage.of("orders.approved",
								"{\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8)),
						dev.choreo.transport.PublishCallback.NONE));
	}

	@Test
	void aScenarioNeverPassesOnAnotherScenariosMessageThatLostItsId() {
		try (Harness harness = harness(CorrelationPolicy.field("correlation_id"));
				Scenario first = harness.scenario("first");
				Scenario second = harness.scenario("second")) {
			serviceThatDropsTheId();
			Handle one = first.expect("orders.approved");
			Handle two = second.expect("orders.approved");
			first.publish("orders.created", Map.of("order", 1));
			second.publish("orders.created", Map.of("order", 2));
			first.awaitAll(SHORT);
			second.awaitAll(SHORT);
			assertThat(List.of(one, two)).extracting(Handle::outcome).containsOnly(Outcome.TIMEOUT);
			assertThat(one.reason()).isEqualTo("no matching message arrived on topic 'orders.approved' within 50ms;"
					+ " 2 messages without a correlation id arrived on 'orders.approved' and were ignored: the service"
					+ " may drop the id (field 'correlation_id')");
			assertThat(harness.surprises()).extracting(Surprise::kind)
				.containsExactly(Surprise.Kind.UNIDENTIFIED, Surprise.Kind.UNIDENTIFIED);
		}
	}

	@Test
	void theIdMissingDiagnosisNamesAHeaderPolicysHeader() {
		try (Harness harness = harness(CorrelationPolicy.header("x-correlation-id"));
				Scenario s = harness.scenario("header")) {
			Handle handle = s.expect("orders.approved");
			s.trigger(() -> harness.publish("orders.approved", Map.of("correlation_id", "in the payload only")));
			s.awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.reason()).endsWith("1 message without a correlation id arrived on 'orders.approved' and"
					+ " was ignored: the service may drop the id (header 'x-correlation-id')");
		}
	}

	@Test
	void onlyIdlessMessagesThatArriveWhileTheScenarioListensAreCounted() {
		try (Harness harness = harness(CorrelationPolicy.field("correlation_id"))) {
			try (Scenario before = harness.scenario("before")) {
				before.expect("orders.approved");
				before.trigger(() -> harness.publish("orders.approved", Map.of("n", 1))).awaitAll(SHORT);
			}
			try (Scenario s = harness.scenario("later")) {
				Handle handle = s.expect("orders.approved");
				s.publish("orders.created", Map.of()).awaitAll(SHORT);
				assertThat(handle.reason()).isEqualTo("no matching message arrived on topic 'orders.approved' within"
						+ " 50ms; nothing on this scenario's correlation reached it, so check the topic name, the"
						+ " routing, and that the service carries the correlation id");
			}
		}
	}

	@Test
	void broadcastOffersIdlessMessagesToEveryScenarioAndSaysSoInTheNearMiss() {
		try (Harness harness = Harness.builder(this.transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.unidentified(Unidentified.BROADCAST)
			.build()
			.connect(); Scenario first = harness.scenario("first"); Scenario second = harness.scenario("second")) {
			Handle one = first.expect("orders.approved", fieldEquals("status", "APPROVED"));
			Handle two = second.expect("orders.approved", fieldEquals("status", "REJECTED"));
			first.trigger(() -> harness.publish("orders.approved", Map.of("status", "APPROVED"))).awaitAll(SHORT);
			second.trigger(() -> {
			}).awaitAll(SHORT);
			assertThat(harness.unidentified()).isEqualTo(Unidentified.BROADCAST);
			assertThat(one.outcome()).isEqualTo(Outcome.PASS);
			assertThat(two.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(two.reason()).isEqualTo("1 message without a correlation id arrived (broadcast) but failed the"
					+ " matcher; latest mismatch: at status: expected \"REJECTED\", got \"APPROVED\"");
		}
	}

	@Test
	void withoutACorrelationPolicyEverythingIsBroadcast() {
		try (Harness harness = Harness.builder(this.transport).unidentified(Unidentified.IGNORE).build().connect();
				Scenario s = harness.scenario("none")) {
			Handle handle = s.expect("orders.approved", fieldEquals("status", "REJECTED"));
			s.trigger(() -> harness.publish("orders.approved", Map.of("status", "APPROVED"))).awaitAll(SHORT);
			assertThat(harness.unidentified()).isEqualTo(Unidentified.BROADCAST);
			assertThat(handle.reason()).isEqualTo("1 message arrived but failed the matcher; latest mismatch:"
					+ " at status: expected \"REJECTED\", got \"APPROVED\"");
		}
	}

	@Test
	void textHoldingAJsonObjectIsStampedAndStaysText() {
		try (Harness harness = harness(CorrelationPolicy.field("correlation_id"));
				Scenario s = harness.scenario("text")) {
			Handle handle = s.expect("orders", fieldEquals("n", 1));
			Handle empty = s.expect("empty");
			s.publish("orders", "  {\"n\": 1,  \"note\": \"kept as written\"}").publish("empty", "{}").awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(empty.outcome()).isEqualTo(Outcome.PASS);
			assertThat(this.transport.sent())
				.extracting((message) -> new String(message.payload(), StandardCharsets.UTF_8))
				.containsExactly("  {\"correlation_id\":\"" + s.correlationId() + "\",\"n\": 1,  \"note\": \"kept as"
						+ " written\"}", "{\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test
	void textThatAlreadyCarriesAnIdKeepsIt() {
		try (Harness harness = harness(CorrelationPolicy.field("correlation_id"));
				Scenario s = harness.scenario("own")) {
			s.expect("orders");
			s.publish("orders", "{\"correlation_id\":\"mine\"}").awaitAll(SHORT);
			assertThat(new String(this.transport.sent().get(0).payload(), StandardCharsets.UTF_8))
				.isEqualTo("{\"correlation_id\":\"mine\"}");
		}
	}

	@Test
	void aPayloadThatCannotCarryTheIdIsWarnedAboutOncePerHarnessAndTopic() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = harness(CorrelationPolicy.field("correlation_id"));
				Scenario s = harness.scenario("uncarried")) {
			s.expect("frames");
			s.publish("frames", new byte[] { 1, 2 })
				.publish("frames", new byte[] { 3 })
				.publish("notes", "plain text")
				.publish("lists", List.of(1, 2))
				.awaitAll(SHORT);
			assertThat(logs.messages(Level.WARN)).containsExactly(
					"Harness 'in-memory' cannot put the correlation id on messages to 'frames': a byte[] payload cannot"
							+ " carry field 'correlation_id', so the messages it causes carry no id either and count for"
							+ " no scenario; publish a Map, a record or JSON object text, or use"
							+ " CorrelationPolicy.header(...)",
					"Harness 'in-memory' cannot put the correlation id on messages to 'notes': text that is not a JSON"
							+ " object cannot carry field 'correlation_id', so the messages it causes carry no id either"
							+ " and count for no scenario; publish a Map, a record or JSON object text, or use"
							+ " CorrelationPolicy.header(...)",
					"Harness 'in-memory' cannot put the correlation id on messages to 'lists': a List payload cannot"
							+ " carry field 'correlation_id', so the messages it causes carry no id either and count for"
							+ " no scenario; publish a Map, a record or JSON object text, or use"
							+ " CorrelationPolicy.header(...)");
		}
	}

	@Test
	void aHeaderPolicyCarriesTheIdOnEveryPayloadWithoutAWarning() {
		try (LogCapture logs = LogCapture.choreo();
				Harness harness = harness(CorrelationPolicy.header("x-correlation-id"));
				Scenario s = harness.scenario("headers")) {
			Handle handle = s.expect("frames");
			s.publish("frames", new byte[] { 1, 2 }).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(logs.messages(Level.WARN)).isEmpty();
		}
	}

}

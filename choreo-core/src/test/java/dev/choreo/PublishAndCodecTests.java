package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.choreo.correlation.CorrelationIdNotInNamespaceException;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.correlation.Envelope;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static dev.choreo.match.Matchers.keyEquals;
import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Publishing: what reaches the wire under each policy, codecs, and what a refused publish
 * says. Checklist items C-30 to C-40. In Java, {@code byte[]} is the one raw payload type
 * (C-36 checks it alone and inside an {@link OutboundMessage}); the JSON codec writes
 * non-ASCII text as UTF-8 rather than escaping it (C-37).
 */
class PublishAndCodecTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final InMemoryTransport transport = InMemoryTransport.create();

	private final Harness plain = Harness.builder(this.transport).build().connect();

	private final InMemoryTransport namespacedTransport = InMemoryTransport.create();

	private final Harness namespaced = Harness.builder(this.namespacedTransport)
		.correlation(CorrelationPolicy.testNamespace())
		.build()
		.connect();

	@AfterEach
	void closeHarnesses() {
		this.plain.close();
		this.namespaced.close();
	}

	private static String text(TransportMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

	@Test // C-30
	void withoutAPolicyTheMapGoesOutExactlyAsGiven() {
		try (Scenario s = this.plain.scenario("plain")) {
			s.expect("orders");
			s.publish("orders", Map.of("order_id", 42));
			assertThat(this.transport.sent()).singleElement().satisfies((message) -> {
				assertThat(message.topic()).isEqualTo("orders");
				assertThat(text(message)).isEqualTo("{\"order_id\":42}");
				assertThat(message.headers()).isEmpty();
				assertThat(message.key()).isNull();
				assertThat(message.replyTo()).isNull();
			});
		}
	}

	@Test // C-31
	void underTheTestNamespaceTheWireMapCarriesTheScenarioId() {
		try (Scenario s = this.namespaced.scenario("stamped")) {
			s.expect("orders");
			s.publish("orders", orderedMap("order_id", 42, "status", "NEW"));
			assertThat(s.correlationId()).matches("TEST-[0-9a-f]{32}");
			assertThat(text(this.namespacedTransport.sent().get(0)))
				.isEqualTo("{\"order_id\":42,\"status\":\"NEW\",\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test // C-32
	void stampingNeverChangesTheCallersMap() {
		try (Scenario s = this.namespaced.scenario("untouched")) {
			s.expect("orders");
			Map<String, Object> order = new HashMap<>(Map.of("order_id", 42));
			s.publish("orders", order);
			assertThat(order).isEqualTo(Map.of("order_id", 42));
		}
	}

	@Test // C-33
	void anExplicitIdInTheNamespaceIsKeptAndIsForeignToTheScenario() {
		try (Scenario s = this.namespaced.scenario("explicit")) {
			Handle handle = s.expect("orders");
			s.publish("orders", Map.of("correlation_id", "TEST-mine")).awaitAll(SHORT);
			assertThat(text(this.namespacedTransport.sent().get(0))).isEqualTo("{\"correlation_id\":\"TEST-mine\"}");
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test // C-34
	void anExplicitIdOutsideTheNamespaceIsRefusedAndNothingIsSent() {
		try (Scenario s = this.namespaced.scenario("refused")) {
			s.expect("orders");
			assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("correlation_id", "PROD-1")))
				.withMessage("Correlation id 'PROD-1' is outside the 'TEST-' namespace; every id this policy writes or"
						+ " accepts must start with 'TEST-'")
				.satisfies((ex) -> {
					assertThat(ex.getCorrelationId()).isEqualTo("PROD-1");
					assertThat(ex.getPrefix()).isEqualTo("TEST-");
				});
			assertThat(this.namespacedTransport.sent()).isEmpty();
		}
	}

	@Test // C-35
	void bytesGoOutUnchangedUnderAnyPolicy() {
		byte[] raw = "{\"order_id\":42}".getBytes(StandardCharsets.UTF_8);
		try (Scenario s = this.namespaced.scenario("bytes")) {
			s.expect("orders");
			s.publish("orders", raw);
			assertThat(this.namespacedTransport.sent().get(0).payload()).isSameAs(raw);
		}
	}

	@Test // C-35
	void bytesCarryingTheScenarioIdAreRoutedBackToIt() {
		try (Scenario s = this.namespaced.scenario("bytes")) {
			Handle handle = s.expect("orders", fieldEquals("order_id", 42));
			byte[] raw = ("{\"order_id\":42,\"correlation_id\":\"" + s.correlationId() + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			s.publish("orders", raw).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test // C-36
	void bytesInsideAnOutboundMessageAreSentUnchangedWithTheirMetadata() {
		byte[] raw = { 1, 2, 3 };
		try (Scenario s = this.plain.scenario("outbound")) {
			Handle handle = s.expect("orders", payloadContains(new byte[] { 2, 3 }));
			s.publish("orders", OutboundMessage.of(raw).withHeader("tenant", "acme").withKey("ORD-1")).awaitAll(SHORT);
			TransportMessage sent = this.transport.sent().get(0);
			assertThat(sent.payload()).isSameAs(raw);
			assertThat(sent.headers()).isEqualTo(Map.of("tenant", "acme"));
			assertThat(sent.key()).isEqualTo("ORD-1");
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test // C-36
	void headersKeyAndReplyAddressReachTheWireAndTheMatchers() {
		try (Scenario s = this.plain.scenario("metadata")) {
			Handle header = s.expect("orders", headerEquals("tenant", "acme"));
			Handle key = s.expect("orders", keyEquals("ORD-1"));
			s.publish("orders",
					OutboundMessage.of(Map.of("id", 1))
						.withHeader("tenant", "acme")
						.withKey("ORD-1")
						.withReplyTo("inbox"))
				.awaitAll(SHORT);
			assertThat(header.outcome()).isEqualTo(Outcome.PASS);
			assertThat(key.outcome()).isEqualTo(Outcome.PASS);
			assertThat(this.transport.sent().get(0).replyTo()).isEqualTo("inbox");
			assertThat(OutboundMessage.of(Map.of("secret", "x")).withHeader("tenant", "acme").withKey("k"))
				.hasToString("OutboundMessage[headers=[tenant], key]");
		}
	}

	@Test // C-37
	void jsonIsCompactAndKeepsInsertionOrder() {
		Map<String, Object> payload = orderedMap("b", List.of(1, 2), "a", orderedMap("x", null, "y", true), "c", 1.5);
		assertThat(new String(Codec.json().encode(payload), StandardCharsets.UTF_8))
			.isEqualTo("{\"b\":[1,2],\"a\":{\"x\":null,\"y\":true},\"c\":1.5}");
	}

	@Test // C-37
	void jsonWritesNonAsciiTextAsUtf8() {
		assertThat(Codec.json().encode(Map.of("name", "Zoë")))
			.isEqualTo("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));
	}

	@Test // C-37
	void theJsonCodecRefusesBytesAndTheRawCodecRefusesEverythingElse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.json().encode(new byte[] { 1 }))
			.withMessage("byte[] payloads are published unchanged; pass them to publish()");
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.raw().encode(new HashMap<>(Map.of("a", 1))))
			.withMessage("The raw codec publishes only byte[] payloads, not Map");
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.raw().encode(Map.of("a", 1)))
			.withMessage("The raw codec publishes only byte[] payloads, not Map");
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.raw().encode("text"))
			.withMessage("The raw codec publishes only byte[] payloads, not String");
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.raw().encode(null))
			.withMessage("The raw codec publishes only byte[] payloads, not null");
		assertThat(Codec.raw().encode(new byte[] { 7 })).containsExactly(7);
		assertThat(Codec.json()).hasToString("Codec.json()");
		assertThat(Codec.raw()).hasToString("Codec.raw()");
	}

	@Test // C-37
	void aPayloadTheCodecCannotEncodeIsRefusedAndTheScenarioStaysExpecting() {
		try (Harness raw = Harness.builder(InMemoryTransport.create()).codec(Codec.raw()).build().connect();
				Scenario s = raw.scenario("raw")) {
			s.expect("orders");
			assertThatIllegalArgumentException().isThrownBy(() -> s.publish("orders", new ArrayList<>()))
				.withMessage("The raw codec publishes only byte[] payloads, not List");
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT));
		}
	}

	@Test // C-37
	void aValueJacksonCannotSerialiseIsRefusedWithItsTypeName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Codec.json().encode(new Unwritable()))
			.withMessageStartingWith("Cannot encode Unwritable as JSON: ");
	}

	@Test
	void aStringPayloadIsSentAsItsText() {
		try (Scenario s = this.plain.scenario("text")) {
			Handle handle = s.expect("greetings");
			s.publish("greetings", "héllo").awaitAll(SHORT);
			assertThat(this.transport.sent().get(0).payload()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
			assertThat(handle.message()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void aStringThatIsJsonTextDecodesAsJson() {
		try (Scenario s = this.plain.scenario("json-text")) {
			Handle handle = s.expect("orders", fieldEquals("id", 1));
			s.publish("orders", "{\"id\":1}").awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void aRecordIsEncodedAsJsonAndStamped() {
		try (Scenario s = this.namespaced.scenario("record")) {
			s.expect("orders");
			s.publish("orders", new Order("ORD-1", 2));
			assertThat(text(this.namespacedTransport.sent().get(0)))
				.isEqualTo("{\"id\":\"ORD-1\",\"qty\":2,\"correlation_id\":\"" + s.correlationId() + "\"}");
		}
	}

	@Test // C-38
	void invalidJsonDecodesToTheRawBytes() {
		byte[] raw = "{\"id\":1} trailing".getBytes(StandardCharsets.UTF_8);
		assertThat(Codec.json().decode(raw)).isSameAs(raw);
		assertThat(Codec.json().decode(new byte[0])).isEqualTo(new byte[0]);
		assertThat(Codec.json().decode(new byte[] { (byte) 0x22, (byte) 0xff, (byte) 0x22 }))
			.isInstanceOf(byte[].class);
		assertThat(Codec.json().decode("123".getBytes(StandardCharsets.UTF_8))).isEqualTo(123);
		assertThat(Codec.json().decode("\"x\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("x");
		assertThat(Codec.json().decode("null".getBytes(StandardCharsets.UTF_8))).isNull();
	}

	@Test // C-38
	void aCodecThatThrowsDropsTheMessageForTheHarnessButNotForOtherSubscribers() {
		List<TransportMessage> direct = new ArrayList<>();
		this.transport.subscribe("orders", direct::add);
		try (Harness broken = Harness.builder(this.transport).codec(new ThrowingCodec()).build().connect();
				Scenario s = broken.scenario("undecodable");
				LogCapture logs = LogCapture.choreo()) {
			Handle handle = s.expect("orders");
			s.publish("orders", "{}".getBytes(StandardCharsets.UTF_8)).awaitAll(SHORT);
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.attempts()).isZero();
			assertThat(direct).hasSize(1);
			assertThat(logs.messages(Level.WARN)).containsExactly("Codec ThrowingCodec could not decode a message on"
					+ " 'orders' (java.lang.IllegalStateException); the message is dropped");
			assertThat(logs.everything()).doesNotContain("SECRET");
		}
	}

	@Test // C-39
	void publishingOnADisconnectedHarnessSaysToConnect() {
		Harness idle = Harness.builder(InMemoryTransport.create()).name("idle").build();
		assertThatIllegalStateException().isThrownBy(() -> idle.publish("orders", Map.of()))
			.withMessage("Harness 'idle' is not connected; call connect() first");
		try (Scenario s = idle.scenario("offline")) {
			assertThatIllegalStateException().isThrownBy(() -> s.expect("orders"))
				.withMessage("Harness 'idle' is not connected; call connect() first");
			assertThatIllegalStateException().isThrownBy(() -> s.on("orders").publish("x", Map.of()))
				.withMessage("Harness 'idle' is not connected; call connect() first");
		}
	}

	@Test // C-40
	void aPolicyWhoseWriteThrowsIsNamedAndItsExceptionKeptAsTheCause() {
		IllegalStateException original = new IllegalStateException("payload SECRET");
		try (Harness broken = Harness.builder(InMemoryTransport.create())
			.correlation(new ThrowingWritePolicy(original))
			.build()
			.connect(); Scenario s = broken.scenario("broken-write")) {
			s.expect("orders");
			assertThatExceptionOfType(CorrelationPolicyException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("id", 1)))
				.withMessage("ThrowingWritePolicy.write raised java.lang.IllegalStateException")
				.withCause(original)
				.satisfies((ex) -> {
					assertThat(ex.getPolicyClass()).isEqualTo("ThrowingWritePolicy");
					assertThat(ex.getMethod()).isEqualTo("write");
				});
			assertThatExceptionOfType(IllegalScenarioStateException.class).isThrownBy(() -> s.awaitAll(SHORT));
		}
	}

	@Test
	void aPolicyWhoseWriteReturnsNothingIsReportedAsAPolicyFailure() {
		try (Harness broken = Harness.builder(InMemoryTransport.create())
			.correlation(new ThrowingWritePolicy(null))
			.build()
			.connect(); Scenario s = broken.scenario("null-write")) {
			s.expect("orders");
			assertThatExceptionOfType(CorrelationPolicyException.class)
				.isThrownBy(() -> s.publish("orders", Map.of("id", 1)))
				.withMessage("ThrowingWritePolicy.write raised java.lang.IllegalStateException")
				.havingCause()
				.withMessage("write returned null");
		}
	}

	@Test
	void theHarnessPublishesWithoutStampingAndWithoutATimeline() {
		try (Scenario s = this.namespaced.scenario("raw-publish")) {
			Handle handle = s.expect("orders", fieldEquals("id", 1));
			ScenarioResult result = s.trigger(() -> this.namespaced.publish("orders", Map.of("id", 2))).awaitAll(SHORT);
			assertThat(text(this.namespacedTransport.sent().get(0))).isEqualTo("{\"id\":2}");
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(handle.reason()).contains("1 message without a correlation id arrived on 'orders'");
			assertThat(result.timeline()).extracting(TimelineEntry::action).containsExactly(TimelineAction.DEADLINE);
		}
	}

	@Test
	void theHarnessPublishesOutboundMessagesWithTheirMetadata() {
		this.plain.publish("orders", OutboundMessage.of("text").withHeader("h", "v").withReplyTo("inbox"));
		assertThat(this.transport.sent()).singleElement().satisfies((message) -> {
			assertThat(text(message)).isEqualTo("text");
			assertThat(message.headers()).isEqualTo(Map.of("h", "v"));
			assertThat(message.replyTo()).isEqualTo("inbox");
		});
	}

	private static Map<String, Object> orderedMap(@Nullable Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	record Order(String id, int qty) {
	}

	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

	static final class ThrowingCodec implements Codec {

		@Override
		public byte[] encode(@Nullable Object payload) {
			return Codec.json().encode(payload);
		}

		@Override
		public Object decode(byte[] bytes) {
			throw new IllegalStateException("cannot read SECRET");
		}

		@Override
		public <T> T decode(byte[] bytes, Class<T> type) {
			throw new IllegalStateException("cannot read SECRET");
		}

	}

	static final class ThrowingWritePolicy implements CorrelationPolicy {

		private final @Nullable RuntimeException failure;

		ThrowingWritePolicy(@Nullable RuntimeException failure) {
			this.failure = failure;
		}

		@Override
		public String newId() {
			return "id-1";
		}

		@Override
		@SuppressWarnings("NullAway")
		public Envelope write(Envelope envelope, String correlationId) {
			if (this.failure != null) {
				throw this.failure;
			}
			return null;
		}

		@Override
		public @Nullable String read(Envelope envelope) {
			return null;
		}

		@Override
		public boolean routesByCorrelation() {
			return true;
		}

	}

}

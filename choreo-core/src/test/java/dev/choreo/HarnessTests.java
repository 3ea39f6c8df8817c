package dev.choreo;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The harness: connecting and closing, the allowlist check before connecting, what it
 * exposes, and how transport faults reach the scenarios. Checklist items I-117 to I-120
 * (a harness is not {@link Serializable}) and I-122, plus the deliberate extras: a
 * publish failure reported by the transport and a lost connection become problems of the
 * live scenarios.
 */
class HarnessTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final FakeTransport transport = FakeTransport.named("fake");

	@Test // I-117
	void connectingAgainDoesNotCallTheTransportAgain() {
		Harness harness = Harness.builder(this.transport).build();
		assertThat(harness.isConnected()).isFalse();
		assertThat(harness.connect()).isSameAs(harness);
		assertThat(harness.isConnected()).isTrue();
		harness.connect();
		harness.connect();
		assertThat(this.transport.connects).hasValue(1);
		harness.close();
	}

	@Test // I-117
	void aTransportThatCannotConnectLeavesTheHarnessDisconnected() {
		TransportException refused = new TransportException("could not connect to fake");
		Harness harness = Harness.builder(this.transport.failingConnect(refused)).build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(harness::connect).isSameAs(refused);
		assertThat(harness.isConnected()).isFalse();
		this.transport.failingConnect(null);
		harness.connect();
		assertThat(harness.isConnected()).isTrue();
		assertThat(this.transport.connects).hasValue(2);
		harness.close();
	}

	@Test // I-118
	void closingTwiceIsHarmlessAndAClosedHarnessCanConnectAgain() {
		Harness harness = Harness.builder(this.transport).build().connect();
		harness.close();
		harness.close();
		assertThat(this.transport.closes).hasValue(1);
		assertThat(harness.isConnected()).isFalse();
		harness.connect();
		assertThat(this.transport.connects).hasValue(2);
		harness.publish("orders", Map.of());
		harness.close();
	}

	@Test // I-118
	void aTransportWhoseCloseThrowsStillLeavesTheHarnessClosed() {
		IllegalStateException failure = new IllegalStateException("close failed");
		Harness harness = Harness.builder(this.transport.failingClose(failure)).build().connect();
		assertThatIllegalStateException().isThrownBy(harness::close).isSameAs(failure);
		assertThat(harness.isConnected()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> harness.publish("orders", Map.of()))
			.withMessage("Harness 'fake' is not connected; call connect() first");
		harness.close();
		assertThat(this.transport.closes).hasValue(1);
	}

	@Test // I-119
	void closingTheHarnessDropsEverySubscription() {
		Harness harness = Harness.builder(this.transport).build().connect();
		try (Scenario s = harness.scenario("open")) {
			s.expect("orders");
			s.on("payments").publish("receipts", Map.of());
			harness.close();
			assertThat(harness.activeSubscriptionCount()).isZero();
			assertThat(harness.transportSubscriptionCount()).isZero();
			assertThat(this.transport.subscriptionCount()).isZero();
		}
		assertThat(harness.activeSubscriptionCount()).isZero();
	}

	@Test // I-120
	void aHarnessCannotBeSerialisedAndExposesItsCodec() {
		Harness json = Harness.builder(InMemoryTransport.create()).build();
		assertThat(json).isNotInstanceOf(Serializable.class);
		assertThat(json.codec()).isSameAs(Codec.json());
		Codec custom = Codec.raw();
		assertThat(Harness.builder(InMemoryTransport.create()).codec(custom).build().codec()).isSameAs(custom);
	}

	@Test // I-120
	void aHarnessIsNamedAfterItsTransportUnlessTheBuilderNamesIt() {
		Harness unnamed = Harness.builder(this.transport).build();
		assertThat(unnamed.name()).isEqualTo("fake");
		assertThat(unnamed.transport()).isSameAs(this.transport);
		assertThat(unnamed).hasToString("Harness[name=fake, transport=FakeTransport, connected=false]");
		Harness named = Harness.builder(this.transport).name("orders-bus").build().connect();
		assertThat(named).hasToString("Harness[name=orders-bus, transport=FakeTransport, connected=true]");
		named.close();
	}

	@Test // I-122
	void anEndpointOffTheAllowlistIsRefusedBeforeConnecting() {
		InMemoryTransport offList = InMemoryTransport.builder().endpoint("mock.prod.internal:1234").build();
		Harness harness = Harness.builder(offList).build();
		assertThatExceptionOfType(EndpointNotAllowedException.class).isThrownBy(harness::connect)
			.withMessage("mock endpoint 'mock.prod.internal:1234' is not on the allowlist (source: built in code); add"
					+ " it under 'mock_endpoints' if tests may use it");
		assertThat(offList.isConnected()).isFalse();
		assertThat(harness.isConnected()).isFalse();
	}

	@Test // I-122
	void theAllowlistFileIsNamedInTheRefusalAndReadAgainOnEveryConnect(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("allowlist.yaml");
		Files.writeString(file, "mock_endpoints: [mock.test.internal:1]\n");
		InMemoryTransport offList = InMemoryTransport.builder().endpoint("mock.prod.internal:1234").build();
		Harness harness = Harness.builder(offList).allowlist(file).build();
		assertThatExceptionOfType(EndpointNotAllowedException.class).isThrownBy(harness::connect)
			.withMessage("mock endpoint 'mock.prod.internal:1234' is not on the allowlist (source: " + file
					+ "); add it under 'mock_endpoints' if tests may use it");
		Files.writeString(file, "mock_endpoints: [mock.prod.internal:1234]\n");
		harness.connect();
		assertThat(offList.isConnected()).isTrue();
		harness.close();
	}

	@Test // I-122
	void anAllowlistedEndpointOrNoEndpointConnects() {
		InMemoryTransport listed = InMemoryTransport.builder().endpoint("mock.test.internal:1").build();
		Harness harness = Harness.builder(listed)
			.allowlist(Allowlist.builder().allow(EndpointCategory.MOCK, "mock.test.internal:1").build())
			.build()
			.connect();
		assertThat(listed.isConnected()).isTrue();
		harness.close();
		Harness unlisted = Harness.builder(InMemoryTransport.create())
			.allowlist(Allowlist.builder().allowLoopback(false).build())
			.build()
			.connect();
		assertThat(unlisted.isConnected()).isTrue();
		unlisted.close();
	}

	@Test
	void aPublishTheTransportReportsFailedIsAProblemOfTheScenario() {
		try (Harness harness = Harness.builder(this.transport).build().connect();
				Scenario s = harness.scenario("publish-fails")) {
			Handle handle = s.expect("orders");
			this.transport.failingPublish(new TransportException("broker refused: password=hunter2 NOPERM"));
			ScenarioResult result = s.publish("orders", Map.of()).awaitAll(SHORT);
			String reason = "dev.choreo.transport.TransportException: broker refused: password=<redacted> NOPERM";
			assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(result.passed()).isFalse();
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.problems()).containsExactly("publish to 'orders' on harness 'fake' failed: " + reason);
			assertThat(result.timeline()).extracting(TimelineEntry::action, TimelineEntry::topic, TimelineEntry::detail)
				.containsExactly(tuple(TimelineAction.PUBLISHED, "orders", ""),
						tuple(TimelineAction.PUBLISH_FAILED, "orders", reason),
						tuple(TimelineAction.DEADLINE, "orders", "no message"));
			assertThat(result.failureSummary())
				.startsWith("Scenario 'publish-fails' failed: 1 problem (below); 1 of 1 expectation did not pass\n"
						+ "correlation: null\n\nProblems:\n  publish to 'orders' on harness 'fake' failed: " + reason
						+ "\n")
				.doesNotContain("hunter2");
		}
	}

	@Test
	void aLostConnectionIsAProblemOfEveryLiveScenario() {
		try (Harness harness = Harness.builder(this.transport).build().connect()) {
			Scenario closed = harness.scenario("closed-before");
			closed.close();
			try (Scenario a = harness.scenario("a"); Scenario b = harness.scenario("b")) {
				a.expect("orders");
				b.on("payments").publish("receipts", Map.of());
				a.publish("orders", Map.of());
				b.publish("payments", Map.of());
				this.transport.loseConnection("broker went away");
				this.transport.restoreConnection();
				ScenarioResult resultA = a.awaitAll(SHORT);
				ScenarioResult resultB = b.awaitAll(SHORT);
				for (ScenarioResult result : new ScenarioResult[] { resultA, resultB }) {
					assertThat(result.problems()).singleElement()
						.asString()
						.matches("harness 'fake' lost its connection at \\d+\\.\\dms: broker went away");
					assertThat(result.timeline())
						.extracting(TimelineEntry::action, TimelineEntry::topic, TimelineEntry::detail)
						.containsSubsequence(tuple(TimelineAction.TRANSPORT_DOWN, "", "broker went away"),
								tuple(TimelineAction.TRANSPORT_UP, "", "connection restored"));
				}
				assertThat(resultA.handles()).extracting(Handle::outcome).containsExactly(Outcome.PASS);
				assertThat(resultA.passed()).as("a lost connection fails the scenario").isFalse();
				assertThat(resultB.passed()).isFalse();
				assertThat(resultA.timeline()).isNotEmpty();
			}
		}
	}

	@Test
	void theBuilderRefusesNonsense() {
		Harness.Builder builder = Harness.builder(this.transport);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultTimeout(Duration.ZERO))
			.withMessage("defaultTimeout must be positive, got PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.subscribeTimeout(Duration.ofSeconds(-1)))
			.withMessage("subscribeTimeout must be positive, got PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.idleSubscriptions(-1))
			.withMessage("idleSubscriptions must not be negative, got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.surpriseCapacity(-1))
			.withMessage("surpriseCapacity must not be negative, got -1");
		assertThatNullPointerException().isThrownBy(() -> Harness.builder(nothing())).withMessage("transport");
		assertThatNullPointerException().isThrownBy(() -> builder.correlation(nothing())).withMessage("correlation");
		assertThatNullPointerException().isThrownBy(() -> builder.codec(nothing())).withMessage("codec");
		assertThatNullPointerException().isThrownBy(() -> Harness.builder(this.transport).build().scenario(nothing()))
			.withMessage("name");
	}

	@Test
	void aScenarioCanBeOpenedOnAnyHarnessButNeedsAConnectionToListen() {
		Harness harness = Harness.builder(this.transport).correlation(CorrelationPolicy.testNamespace()).build();
		try (Scenario s = harness.scenario("early")) {
			assertThat(s.correlationId()).startsWith("TEST-");
			assertThatIllegalStateException().isThrownBy(() -> s.expect("orders"))
				.withMessage("Harness 'fake' is not connected; call connect() first");
		}
	}

	@Test
	void whatTheTransportReportsAfterTheHarnessClosedItIsNotALostConnection() {
		try (LogCapture logs = LogCapture.choreo()) {
			Harness harness = Harness.builder(this.transport)
				.correlation(CorrelationPolicy.field("id"))
				.build()
				.connect();
			harness.close();
			this.transport.loseConnection("closed by the application");
			harness.connect();
			this.transport.loseConnection("broker went away");
			harness.close();
			assertThat(logs.messages(Level.WARN))
				.containsExactly("Harness 'fake' lost its connection: broker went away");
		}
	}

	@Test
	void whatTheTransportReportsWhileAConnectFailsIsNotALostConnection() {
		try (LogCapture logs = LogCapture.choreo()) {
			TransportException refused = new TransportException("authorization violation");
			FakeTransport transport = this.transport.failingConnect(refused);
			Harness harness = Harness.builder(transport).correlation(CorrelationPolicy.field("id")).build();
			transport.beforeConnectFails(() -> transport.loseConnection("disconnected"));
			assertThatExceptionOfType(TransportException.class).isThrownBy(harness::connect);
			assertThat(logs.messages(Level.WARN)).isEmpty();
		}
	}

	@Test
	void theReadinessCheckRunsBeforeEveryScenarioAndPublishAndCanStopThem() {
		List<String> checks = new ArrayList<>();
		IllegalStateException notReady = new IllegalStateException("not ready");
		boolean[] ready = { true };
		Harness harness = Harness.builder(this.transport).readinessCheck((checked) -> {
			checks.add(checked.name());
			if (!ready[0]) {
				throw notReady;
			}
		}).build().connect();
		try (Scenario scenario = harness.scenario("first")) {
			scenario.expect("orders");
		}
		harness.publish("orders", Map.of());
		assertThat(checks).containsExactly("fake", "fake");
		ready[0] = false;
		assertThatIllegalStateException().isThrownBy(() -> harness.scenario("second")).isSameAs(notReady);
		assertThatIllegalStateException().isThrownBy(() -> harness.publish("orders", Map.of())).isSameAs(notReady);
		harness.close();
	}

	@Test
	void aHarnessThatIsNotConnectedGetsItsReadinessCheckBeforeAScenarioUsesIt() {
		Harness harness = Harness.builder(this.transport).readinessCheck(Harness::connect).build();
		try (Scenario scenario = harness.scenario("connects")) {
			scenario.expect("orders");
			assertThat(harness.isConnected()).isTrue();
		}
		harness.close();
	}

	@Test
	void aStageRunsTheReadinessCheckOfEveryConnectedHarnessBeforeAScenario() {
		List<String> checks = new ArrayList<>();
		Harness connected = Harness.builder(this.transport)
			.readinessCheck((harness) -> checks.add(harness.name()))
			.build()
			.connect();
		Harness idle = Harness.builder(FakeTransport.named("idle"))
			.readinessCheck((harness) -> checks.add(harness.name()))
			.build();
		Stage stage = Stage.builder().harness("fake", connected).harness("idle", idle).build();
		try (StageScenario scenario = stage.scenario("staged")) {
			assertThat(checks).containsExactly("fake");
			assertThatIllegalStateException().isThrownBy(() -> scenario.expect("idle", "orders"))
				.withMessage("Harness 'idle' is not connected; call connect() first");
			assertThat(checks).containsExactly("fake", "idle");
		}
		stage.close();
	}

	@SuppressWarnings("NullAway")
	private static <T> T nothing() {
		return null;
	}

}

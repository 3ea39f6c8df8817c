package dev.choreo.junit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.ScenarioObserver;
import dev.choreo.ScenarioObservers;
import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static dev.choreo.match.Matchers.anyPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * What {@code @EnableChoreo} says when something is missing or wrong, and that it closes
 * what it opened; each case runs a fixture class through the JUnit engine.
 */
class EnableChoreoFailureTests {

	@Test
	void saysWhatToSetWhenNoBrokerIsConfigured() {
		containerFailure(NoBroker.class,
				"@EnableChoreo found no broker to connect to: set choreo.kafka.bootstrap-servers, choreo.rabbit.uri"
						+ " (or choreo.rabbit.host), choreo.nats.servers or choreo.redis.url in choreo.yml on the test"
						+ " class path, in @EnableChoreo(properties), or as a CHOREO_* environment variable");
	}

	@Test
	void namesTheClosestKeyToAnUnknownOne() {
		containerFailure(MisspelledKey.class,
				"Unknown Choreo setting choreo.nats.server in @EnableChoreo(properties); did you mean"
						+ " choreo.nats.servers? The settings are listed in the README of choreo-junit.");
	}

	@Test
	void refusesAnEndpointOffTheAllowlistBeforeConnecting() {
		containerFailure(OffTheAllowlist.class,
				"NATS server 'nats://127.0.0.1:4222' is not on the allowlist (source: choreo.allowlist settings); add"
						+ " it under 'nats_servers' if tests may use it; loopback endpoints are refused because"
						+ " allow_loopback is false. To let tests use it, add it to choreo.allowlist.nats-servers");
	}

	@Test
	void refusesADefaultTransportThatIsNotConfigured() {
		containerFailure(DefaultTransportMissing.class,
				"choreo.default-transport (from @EnableChoreo(properties)) is 'kafka', but the harnesses are [nats];"
						+ " set it to one of them or remove it");
	}

	@Test
	void asksWhichHarnessWhenSeveralAndNoneIsTheDefault() {
		LocalBrokers.require();
		testFailure(TwoHarnessesNoDefault.class, "Several Choreo harnesses [nats, redis] and none is the default:"
				+ " annotate the parameter with @ChoreoHarness(\"nats\"), set choreo.default-transport, or take a"
				+ " StageScenario");
	}

	@Test
	void namesTheHarnessesThereAreWhenTheParameterNamesAnother() {
		LocalBrokers.require();
		testFailure(UnknownHarnessName.class, "No Choreo harness named 'kafka'; this test class has [nats] (a broker's"
				+ " harness exists when its address is configured)");
	}

	@Test
	void refusesAScenarioOutsideATest() {
		LocalBrokers.require();
		containerFailure(ScenarioInBeforeAll.class, "A Scenario belongs to one test: take it in a @Test or"
				+ " @BeforeEach method, not in a constructor or @BeforeAll method");
	}

	@Test
	void closesTheScenarioAfterTheTestAndAbortsItWhenTheTestFailed() {
		LocalBrokers.require();
		Finished finished = new Finished();
		ScenarioObservers.register(finished);
		try {
			Events tests = run(FailsWithAnOpenScenario.class).testEvents();
			tests.assertStatistics((stats) -> stats.started(1).failed(1));
		}
		finally {
			ScenarioObservers.unregister(finished);
		}
		assertThat(finished.results).singleElement().satisfies((result) -> {
			assertThat(result.name()).isEqualTo("FailsWithAnOpenScenario.leavesItsScenarioOpen");
			assertThat(result.completedNormally()).isFalse();
			assertThat(result.handles()).singleElement()
				.satisfies((handle) -> assertThat(handle.reason()).contains("AssertionError"));
		});
	}

	@Test
	void closesTheHarnessesAfterTheClass() {
		LocalBrokers.require();
		run(KeepsItsHarness.class).testEvents().assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(KeepsItsHarness.harness).isNotNull();
		assertThat(KeepsItsHarness.harness.isConnected()).isFalse();
	}

	private static Events containerFailure(Class<?> fixture, String expected) {
		Events events = run(fixture).containerEvents();
		events.assertThatEvents().haveExactly(1, event(container(fixture), finishedWithFailure(message(expected))));
		return events;
	}

	private static void testFailure(Class<?> fixture, String expected) {
		run(fixture).testEvents()
			.assertThatEvents()
			.haveExactly(1,
					event(test(),
							finishedWithFailure(
									instanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class),
									message(expected))));
	}

	private static EngineTestKit.Builder kit(Class<?> fixture) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
	}

	private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> fixture) {
		return kit(fixture).execute();
	}

	static final class Finished implements ScenarioObserver {

		final List<ScenarioResult> results = new CopyOnWriteArrayList<>();

		@Override
		public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
			if (result.name().startsWith("FailsWithAnOpenScenario.")) {
				this.results.add(result);
			}
		}

	}

	@EnableChoreo
	static class NoBroker {

		@Test
		void test(Harness harness) {
		}

	}

	@EnableChoreo(properties = "choreo.nats.server=nats://127.0.0.1:4222")
	static class MisspelledKey {

		@Test
		void test(Harness harness) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.allowlist.loopback=false" })
	static class OffTheAllowlist {

		@Test
		void test(Harness harness) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.default-transport=kafka" })
	static class DefaultTransportMissing {

		@Test
		void test(Harness harness) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.redis.url=redis://127.0.0.1:6379",
			"choreo.redis.connect-timeout=30s", "choreo.nats.connect-timeout=30s" })
	static class TwoHarnessesNoDefault {

		@Test
		void test(Harness harness) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.connect-timeout=30s" })
	static class UnknownHarnessName {

		@Test
		void test(@ChoreoHarness("kafka") Harness harness) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.connect-timeout=30s" })
	static class ScenarioInBeforeAll {

		@BeforeAll
		static void open(Scenario scenario) {
		}

		@Test
		void test(Stage stage) {
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.connect-timeout=30s" })
	static class FailsWithAnOpenScenario {

		@Test
		void leavesItsScenarioOpen(Scenario scenario) {
			scenario.expect("choreo.junit.never", anyPayload());
			throw new AssertionError("the test gave up before awaitAll");
		}

	}

	@EnableChoreo(properties = { "choreo.nats.servers=nats://127.0.0.1:4222", "choreo.nats.connect-timeout=30s" })
	static class KeepsItsHarness {

		static Harness harness;

		@Test
		void keepsIt(Harness harness) {
			KeepsItsHarness.harness = harness;
			assertThat(harness.isConnected()).isTrue();
			assertThat(Map.of()).isEmpty();
		}

	}

}

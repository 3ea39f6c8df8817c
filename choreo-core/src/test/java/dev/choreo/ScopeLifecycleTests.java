package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.correlation.CorrelationPolicyException;
import dev.choreo.correlation.Envelope;
import dev.choreo.testing.FakeTransport;
import dev.choreo.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Opening and closing scenarios: subscriptions released, aborted expectations, and what
 * observers are told. Checklist items E-55 to E-63. A test tells its scenario that it
 * raised with {@link Scenario#abort(Throwable)} (E-58, E-59); observers run on the test's
 * thread, so they read its context from a {@link ThreadLocal} (E-61).
 */
class ScopeLifecycleTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private final RecordingObserver observer = new RecordingObserver();

	private final InMemoryTransport transport = InMemoryTransport.create();

	private final Harness harness = Harness.builder(this.transport)
		.correlation(CorrelationPolicy.testNamespace())
		.observer(this.observer)
		.build()
		.connect();

	@AfterEach
	void closeHarness() {
		this.harness.close();
	}

	@Test // E-55
	void aCleanExitReleasesEverySubscription() {
		try (Scenario s = this.harness.scenario("clean")) {
			s.expect("a");
			s.expect("b");
			s.on("c").publish("d", Map.of());
			assertThat(this.harness.activeSubscriptionCount()).isEqualTo(3);
			s.publish("a", Map.of()).awaitAll(SHORT);
		}
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test // E-56
	void aBodyThatThrowsStillReleasesEverySubscriptionAndTheExceptionPropagates() {
		IllegalStateException failure = new IllegalStateException("test failed");
		assertThatIllegalStateException().isThrownBy(() -> {
			try (Scenario s = this.harness.scenario("thrown")) {
				s.expect("a");
				s.on("c").publish("d", Map.of());
				throw failure;
			}
		}).isSameAs(failure);
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test // E-57
	void aCleanExitWithoutAwaitAllAbortsPendingHandlesAndTellsObservers() {
		Handle handle;
		try (LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = this.harness.scenario("forgot-await")) {
				handle = s.expect("orders");
				s.publish("elsewhere", Map.of());
			}
			assertThat(logs.messages(Level.WARN)).containsExactly("Scenario 'forgot-await' was closed without"
					+ " awaitAll(); its expectations and replies were never resolved");
		}
		assertThat(handle.outcome()).isEqualTo(Outcome.ABORTED);
		assertThat(handle.reason()).isEqualTo("aborted: the scenario was closed before awaitAll()");
		assertThat(handle.latency()).isEqualTo(Duration.ZERO);
		assertThat(this.observer.finished).singleElement().satisfies((finished) -> {
			assertThat(finished.result().name()).isEqualTo("forgot-await");
			assertThat(finished.completedNormally()).isFalse();
			assertThat(finished.result().completedNormally()).isFalse();
			assertThat(finished.result().passed()).isFalse();
			assertThat(finished.result().handles()).containsExactly(handle);
			assertThat(finished.result().timeline()).extracting(TimelineEntry::action)
				.containsExactly(TimelineAction.PUBLISHED, TimelineAction.ACKNOWLEDGED);
		});
	}

	@Test // E-57
	void closingAScenarioThatRegisteredNothingLogsNothing() {
		try (LogCapture logs = LogCapture.choreo()) {
			this.harness.scenario("empty").close();
			assertThat(logs.events()).isEmpty();
		}
		assertThat(this.observer.finished).singleElement()
			.satisfies((finished) -> assertThat(finished.completedNormally()).isFalse());
	}

	@Test // E-58
	void aTestThatRaisesBeforeAwaitAllAbortsEveryPendingHandleWithTheExceptionsClass() {
		Handle first;
		Handle second;
		try (LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = this.harness.scenario("raised")) {
				first = s.expect("a");
				second = s.expect("b");
				s.publish("b", Map.of());
				s.abort(new IllegalStateException("payload SECRET"));
			}
			assertThat(logs.everything()).doesNotContain("SECRET").doesNotContain("without awaitAll");
		}
		assertThat(first.outcome()).isEqualTo(Outcome.ABORTED);
		assertThat(first.reason())
			.isEqualTo("aborted: the test raised java.lang.IllegalStateException before awaitAll()");
		assertThat(second.outcome()).isEqualTo(Outcome.PASS);
		assertThat(this.observer.finished).singleElement().satisfies((finished) -> {
			assertThat(finished.completedNormally()).isFalse();
			assertThat(finished.result().handles()).extracting(Handle::outcome).doesNotContain(Outcome.PENDING);
		});
		assertThat(this.harness.activeSubscriptionCount()).isZero();
	}

	@Test // E-58
	void abortNeedsACause() {
		try (Scenario s = this.harness.scenario("null-cause")) {
			assertThatNullPointerException().isThrownBy(() -> s.abort(nothing())).withMessage("cause");
		}
	}

	@Test // E-59
	void aTestThatRaisesAfterAwaitAllIsLoggedAndNotReportedAgain() {
		try (LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = this.harness.scenario("raised-late")) {
				s.expect("a");
				s.publish("a", Map.of()).awaitAll(SHORT);
				s.abort(new AssertionError("assertion SECRET"));
			}
			assertThat(logs.messages(Level.WARN))
				.containsExactly("Scenario 'raised-late' raised java.lang.AssertionError AFTER awaitAll() completed;"
						+ " its result was already reported and is not reported again");
			assertThat(logs.everything()).doesNotContain("SECRET");
		}
		assertThat(this.observer.finished).singleElement()
			.satisfies((finished) -> assertThat(finished.completedNormally()).isTrue());
	}

	@Test // E-59
	void everyAwaitAllTellsTheObserversAgain() {
		try (Scenario s = this.harness.scenario("twice")) {
			s.expect("a");
			s.publish("a", Map.of()).awaitAll(SHORT);
			s.awaitAll(SHORT);
		}
		assertThat(this.observer.finished).hasSize(2).allSatisfy((finished) -> {
			assertThat(finished.completedNormally()).isTrue();
			assertThat(finished.result().passed()).isTrue();
		});
	}

	@Test // E-60
	void anUnsubscribeThatThrowsAtTeardownIsLoggedAndTeardownGoesOn() {
		FakeTransport failing = FakeTransport.named("fake").failingUnsubscribe(new IllegalStateException("SECRET"));
		try (Harness fake = Harness.builder(failing).idleSubscriptions(0).build().connect();
				LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = fake.scenario("teardown")) {
				s.expect("a");
				s.expect("b");
				s.publish("a", Map.of()).awaitAll(SHORT);
			}
			assertThat(logs.messages(Level.WARN)).containsExactly(
					"Could not unsubscribe from 'a' on harness 'fake' (java.lang.IllegalStateException); the"
							+ " subscription may leak",
					"Could not unsubscribe from 'b' on harness 'fake' (java.lang.IllegalStateException); the"
							+ " subscription may leak");
			assertThat(logs.everything()).doesNotContain("SECRET");
			assertThat(fake.activeSubscriptionCount()).isZero();
			assertThat(fake.transportSubscriptionCount()).isZero();
		}
	}

	@Test // E-61
	void observersAreToldOnTheTestsThreadSoTheyCanReadItsContext() throws Exception {
		ThreadLocal<String> testName = new ThreadLocal<>();
		List<String> seen = new CopyOnWriteArrayList<>();
		ScenarioObserver contextual = new ScenarioObserver() {

			@Override
			public void scenarioStarted(ScenarioStarted scenario) {
				seen.add("started " + scenario.name() + " in " + testName.get());
			}

			@Override
			public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
				seen.add("finished " + result.name() + " in " + testName.get());
			}

		};
		CyclicBarrier together = new CyclicBarrier(2);
		try (Harness observed = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.observer(contextual)
			.build()
			.connect()) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<CompletableFuture<Void>> runs = List.of("one", "two")
					.stream()
					.map((name) -> CompletableFuture.runAsync(() -> {
						testName.set("test-" + name);
						try (Scenario s = observed.scenario("scenario-" + name)) {
							s.expect("shared");
							await(together);
							s.publish("shared", Map.of()).awaitAll(SHORT).assertPassed();
						}
						finally {
							testName.remove();
						}
					}, pool))
					.toList();
				CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			}
			finally {
				pool.shutdownNow();
			}
		}
		assertThat(seen).containsExactlyInAnyOrder("started scenario-one in test-one",
				"started scenario-two in test-two", "finished scenario-one in test-one",
				"finished scenario-two in test-two");
		assertThat(testName.get()).isNull();
	}

	@Test // E-61
	void startAndFinishCarryTheSameScenarioId() {
		try (Scenario s = this.harness.scenario("ids")) {
			s.expect("a");
			s.publish("a", Map.of()).awaitAll(SHORT);
		}
		try (Scenario s = this.harness.scenario("ids-2")) {
			s.on("a");
		}
		assertThat(this.observer.started).hasSize(2);
		assertThat(this.observer.started.get(0).name()).isEqualTo("ids");
		assertThat(this.observer.started.get(0).correlationId()).startsWith("TEST-");
		assertThat(this.observer.started.get(0).harnesses()).containsExactly("in-memory");
		assertThat(this.observer.finished).extracting((finished) -> finished.result().scenarioId())
			.containsExactly(this.observer.started.get(0).scenarioId(), this.observer.started.get(1).scenarioId())
			.doesNotHaveDuplicates();
	}

	@Test // E-62
	void anObserverThatThrowsIsLoggedAndTheScenarioCarriesOn() {
		ScenarioObserver broken = new BrokenObserver();
		try (Harness observed = Harness.builder(InMemoryTransport.create()).observer(broken).build().connect();
				LogCapture logs = LogCapture.choreo()) {
			try (Scenario s = observed.scenario("observed")) {
				s.expect("a");
				assertThat(s.publish("a", Map.of()).awaitAll(SHORT).passed()).isTrue();
			}
			String warning = "Scenario observer dev.choreo.ScopeLifecycleTests$BrokenObserver raised"
					+ " java.lang.IllegalStateException; observer errors are ignored so they never change a test's"
					+ " outcome";
			assertThat(logs.messages(Level.WARN)).containsExactly(warning, warning);
			assertThat(logs.everything()).doesNotContain("SECRET");
		}
	}

	@Test // E-62
	void aGlobalObserverIsToldOnceHoweverOftenItIsRegisteredAndNoLongerOnceUnregistered() {
		RecordingObserver global = new RecordingObserver("global-");
		ScenarioObservers.register(global);
		ScenarioObservers.register(global);
		try (Harness observed = Harness.builder(InMemoryTransport.create()).observer(global).build().connect()) {
			try (Scenario s = observed.scenario("global-once")) {
				s.expect("a");
				s.publish("a", Map.of()).awaitAll(SHORT);
			}
			try (Scenario s = this.harness.scenario("global-other-harness")) {
				s.expect("a");
				s.publish("a", Map.of()).awaitAll(SHORT);
			}
			ScenarioObservers.unregister(global);
			try (Scenario s = this.harness.scenario("global-after")) {
				s.expect("a");
				s.publish("a", Map.of()).awaitAll(SHORT);
			}
		}
		finally {
			ScenarioObservers.unregister(global);
		}
		assertThat(global.finished).extracting((finished) -> finished.result().name())
			.containsExactly("global-once", "global-other-harness");
		assertThat(global.started).extracting(ScenarioStarted::name)
			.containsExactly("global-once", "global-other-harness");
		assertThatNoException().isThrownBy(() -> ScenarioObservers.unregister(new RecordingObserver()));
	}

	@Test // E-63
	void aPolicyThatCannotMakeAnIdRefusesToOpenTheScenario() {
		IllegalStateException original = new IllegalStateException("no ids");
		try (Harness broken = Harness.builder(InMemoryTransport.create())
			.correlation(new NoIdPolicy(original))
			.observer(this.observer)
			.build()
			.connect()) {
			assertThatExceptionOfType(CorrelationPolicyException.class).isThrownBy(() -> broken.scenario("no-id"))
				.withMessage("NoIdPolicy.newId raised java.lang.IllegalStateException")
				.withCause(original)
				.satisfies((ex) -> {
					assertThat(ex.getMethod()).isEqualTo("newId");
					assertThat(ex.getPolicyClass()).isEqualTo("NoIdPolicy");
				});
			assertThat(broken.activeSubscriptionCount()).isZero();
		}
		assertThat(this.observer.started).isEmpty();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("NullAway")
	private static <T> T nothing() {
		return null;
	}

	static final class BrokenObserver implements ScenarioObserver {

		@Override
		public void scenarioStarted(ScenarioStarted scenario) {
			throw new IllegalStateException("SECRET");
		}

		@Override
		public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
			throw new IllegalStateException("SECRET");
		}

	}

	static final class NoIdPolicy implements CorrelationPolicy {

		private final RuntimeException failure;

		NoIdPolicy(RuntimeException failure) {
			this.failure = failure;
		}

		@Override
		public String newId() {
			throw this.failure;
		}

		@Override
		public Envelope write(Envelope envelope, String correlationId) {
			return envelope;
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

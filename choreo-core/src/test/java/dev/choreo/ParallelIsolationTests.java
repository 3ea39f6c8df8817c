package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Tests running in parallel (JUnit's parallel execution, 8 threads, configured for this
 * run only) on one harness and one topic, against a service that drops the correlation
 * id: no scenario passes on another scenario's message, and each says the id went
 * missing.
 */
class ParallelIsolationTests {

	static final int PARALLEL = 8;

	static final List<ScenarioResult> results = new CopyOnWriteArrayList<>();

	@Test
	void parallelScenariosNeverPassOnEachOthersMessagesAndNameTheMissingId() {
		results.clear();
		LauncherDiscoveryRequest request = request().selectors(selectClass(ParallelOrders.class))
			.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
			.configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
			.configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
			.configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
					String.valueOf(PARALLEL))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		try (LauncherSession session = LauncherFactory.openSession()) {
			Launcher launcher = session.getLauncher();
			launcher.execute(request, listener);
		}
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).as("failures of the parallel run").isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2 * PARALLEL);
		assertThat(results).hasSize(2 * PARALLEL).allSatisfy((result) -> {
			assertThat(result.passed()).isFalse();
			assertThat(result.handles()).singleElement().satisfies((handle) -> {
				assertThat(handle.outcome()).isEqualTo(Outcome.TIMEOUT);
				assertThat(handle.attempts()).isZero();
				assertThat(handle.reason()).contains(" without a correlation id arrived on 'orders.approved' and")
					.endsWith("ignored: the service may drop the id (field 'correlation_id')");
			});
		});
	}

	/**
	 * The parallel tests: every order waits for its own approval, which the service sends
	 * without the id. Run only by the launcher above.
	 */
	@Execution(ExecutionMode.CONCURRENT)
	static class ParallelOrders {

		private static InMemoryTransport transport;

		private static Harness harness;

		private static final CyclicBarrier together = new CyclicBarrier(PARALLEL);

		@BeforeAll
		static void startTheService() {
			transport = InMemoryTransport.create();
			harness = Harness.builder(transport)
				.correlation(CorrelationPolicy.field("correlation_id"))
				.build()
				.connect();
			transport.subscribe("orders.created",
					(message) -> transport.publish(
							TransportMessage.of("orders.approved",
									"{\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8)),
							PublishCallback.NONE));
		}

		@AfterAll
		static void stopTheService() {
			harness.close();
		}

		@RepeatedTest(2 * PARALLEL)
		void anOrderIsApproved() throws Exception {
			together.await(30, TimeUnit.SECONDS);
			try (Scenario s = harness.scenario("order")) {
				s.expect("orders.approved", fieldEquals("status", "APPROVED"));
				results.add(s.publish("orders.created", Map.of("order", s.name())).awaitAll(Duration.ofMillis(300)));
			}
		}

	}

}

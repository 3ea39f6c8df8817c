package dev.choreo.junit.report;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small suites the report tests run in a nested launcher; none is a test class of its
 * own.
 */
final class SampleFixtures {

	private SampleFixtures() {
	}

	static void passingScenario(String name) {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).name("tiny-bus").build().connect();
				Scenario s = harness.scenario(name)) {
			s.expect("tiny.done");
			s.publish("tiny.done", Map.of("ok", true)).awaitAll(Duration.ofSeconds(2)).assertPassed();
		}
	}

	static class Tiny {

		@Test
		@Tag("fast")
		void first() {
			passingScenario("tiny first");
		}

		@Test
		void second() {
			passingScenario("tiny second");
		}

	}

	static class OtherTiny {

		@Test
		void third() {
			passingScenario("tiny third");
		}

	}

	static class Outcomes {

		@BeforeEach
		void breakOne(org.junit.jupiter.api.TestInfo info) {
			if (info.getDisplayName().startsWith("setupFails")) {
				throw new IllegalStateException("set-up failed");
			}
		}

		@Test
		void passes() {
		}

		@Test
		void assertionFails() {
			assertThat(1).isEqualTo(2);
		}

		@Test
		void setupFails() {
		}

		// switched off on purpose: the report must show a disabled test with its reason
		// (ReportListenerTests checks that text)
		@Test
		@Disabled("waiting for the broker upgrade")
		void disabled() {
		}

		@RepeatedTest(2)
		void repeated() {
		}

	}

	// switched off on purpose: every test of a disabled class is reported as skipped
	// with the class's reason (ReportListenerTests checks that text)
	@Disabled("the whole class is parked")
	static class DisabledClass {

		@Test
		void one() {
		}

		@Test
		void two() {
		}

	}

	static class BeforeAllFails {

		@BeforeAll
		static void fail() {
			throw new IllegalStateException("cannot start the fixture");
		}

		@Test
		void never() {
		}

	}

	static class OtherThread {

		@Test
		void opensOnAnotherThread() throws Exception {
			Thread thread = new Thread(() -> passingScenario("opened elsewhere"));
			thread.start();
			thread.join(TimeUnit.SECONDS.toMillis(10));
		}

	}

	/**
	 * Two tests running at the same time (they meet at a barrier); one opens a scenario
	 * on a third thread, which cannot be attributed to either.
	 */
	@Execution(ExecutionMode.CONCURRENT)
	static class Parallel {

		static final CyclicBarrier barrier = new CyclicBarrier(2);

		@Test
		void left() throws Exception {
			barrier.await(10, TimeUnit.SECONDS);
			passingScenario("left on its own thread");
			AtomicReference<Throwable> failure = new AtomicReference<>();
			Thread thread = new Thread(() -> passingScenario("left on a helper thread"));
			thread.setUncaughtExceptionHandler((t, ex) -> failure.set(ex));
			thread.start();
			thread.join(TimeUnit.SECONDS.toMillis(10));
			barrier.await(10, TimeUnit.SECONDS);
			assertThat(failure.get()).isNull();
		}

		@Test
		void right() throws Exception {
			barrier.await(10, TimeUnit.SECONDS);
			passingScenario("right on its own thread");
			barrier.await(10, TimeUnit.SECONDS);
		}

	}

	static class LateConfiguration {

		@Test
		void configuresTheReportWhileRunning() {
			ChoreoReport.configure(ReportOptions.empty().withProjectName("configured-late"));
		}

	}

}

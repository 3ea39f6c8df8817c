package dev.choreo.junit.report;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import dev.choreo.ScenarioResult;
import dev.choreo.ScenarioStarted;
import org.jspecify.annotations.Nullable;

/**
 * Which test is running on which thread, across every test run in this JVM (a test may
 * itself launch a nested run): the link between scenario events and tests.
 */
final class ActiveRuns {

	private static final Deque<ReportRun> runs = new ConcurrentLinkedDeque<>();

	private static final Map<Thread, Deque<TestRecord>> byThread = new ConcurrentHashMap<>();

	private static final Map<Long, Attribution> scenarios = new ConcurrentHashMap<>();

	private ActiveRuns() {
	}

	static void runStarted(ReportRun run) {
		runs.addLast(run);
	}

	static void runFinished(ReportRun run) {
		runs.remove(run);
		scenarios.values().removeIf((attribution) -> attribution.run() == run);
	}

	static void testStarted(TestRecord record) {
		Thread thread = Thread.currentThread();
		record.thread = thread;
		byThread.computeIfAbsent(thread, (key) -> new ConcurrentLinkedDeque<>()).push(record);
	}

	static void testFinished(TestRecord record) {
		Thread thread = record.thread;
		if (thread == null) {
			return;
		}
		byThread.computeIfPresent(thread, (key, stack) -> {
			stack.remove(record);
			return stack.isEmpty() ? null : stack;
		});
		record.thread = null;
	}

	static void scenarioStarted(ScenarioStarted started) {
		Attribution attribution = attribute();
		if (attribution != null) {
			scenarios.put(started.scenarioId(), attribution);
		}
	}

	static void scenarioFinished(ScenarioResult result) {
		Attribution attribution = scenarios.remove(result.scenarioId());
		if (attribution == null || !runs.contains(attribution.run())) {
			attribution = attribute();
		}
		if (attribution != null) {
			attribution.run().scenarioFinished(attribution.record(), result);
		}
	}

	/**
	 * The test running on this thread; else the only running test of the innermost run;
	 * else that run's unattributed record.
	 */
	private static @Nullable Attribution attribute() {
		Deque<TestRecord> stack = byThread.get(Thread.currentThread());
		TestRecord onThread = (stack != null) ? stack.peek() : null;
		if (onThread != null) {
			for (ReportRun run : runs) {
				if (run.owns(onThread)) {
					return new Attribution(run, onThread);
				}
			}
		}
		ReportRun innermost = runs.peekLast();
		if (innermost == null) {
			return null;
		}
		return new Attribution(innermost, innermost.onlyRunningOrUnattributed());
	}

	/**
	 * A scenario's test and the run it belongs to.
	 *
	 * @param run the run
	 * @param record the test
	 */
	record Attribution(ReportRun run, TestRecord record) {
	}

}

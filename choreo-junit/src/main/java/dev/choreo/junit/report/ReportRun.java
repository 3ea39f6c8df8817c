package dev.choreo.junit.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.choreo.ScenarioResult;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.node.ObjectNode;

/**
 * One test plan's execution as the report records it: a record per test, the scenarios
 * attributed to each, and the harnesses used. Thread-safe: JUnit may run tests in
 * parallel and scenarios may finish on any thread.
 */
final class ReportRun {

	private static final String ASSUMPTION_FAILED = "Assumption failed: ";

	private final @Nullable TestPlan plan;

	private final Function<String, Optional<String>> parameters;

	private final Sanitizer sanitizer = new Sanitizer(ChoreoReport::redactors);

	private final ScenarioJson scenarioJson = new ScenarioJson(this.sanitizer);

	private final Map<String, TestRecord> records = new LinkedHashMap<>();

	private final Set<TestRecord> running = ConcurrentHashMap.newKeySet();

	private final Set<String> harnesses = ConcurrentHashMap.newKeySet();

	private final Instant startedAt = Instant.now();

	private @Nullable TestRecord unattributed;

	ReportRun(@Nullable TestPlan plan, Function<String, Optional<String>> parameters) {
		this.plan = plan;
		this.parameters = parameters;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Sanitizer sanitizer() {
		return this.sanitizer;
	}

	Set<String> harnesses() {
		return this.harnesses;
	}

	ReportSettings settings() {
		return ReportSettings.resolve(this.parameters);
	}

	void executionStarted(TestIdentifier id) {
		if (!id.isTest()) {
			return;
		}
		TestRecord record = TestNames.record(id, this.plan);
		synchronized (this.records) {
			this.records.put(id.getUniqueId(), record);
		}
		this.running.add(record);
		ActiveRuns.testStarted(record);
	}

	void executionFinished(TestIdentifier id, TestExecutionResult result) {
		if (id.isTest()) {
			TestRecord record = recordOf(id);
			finishTest(record, result);
			return;
		}
		if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
			containerFailed(id, result);
		}
	}

	void executionSkipped(TestIdentifier id, String reason) {
		List<TestIdentifier> tests = testsUnder(id);
		if (tests.isEmpty()) {
			newRecord(id).finish(TestOutcome.SKIPPED, null, reason);
			return;
		}
		tests.forEach((test) -> newRecord(test).finish(TestOutcome.SKIPPED, null, reason));
	}

	void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
		TestRecord record;
		synchronized (this.records) {
			record = this.records.get(id.getUniqueId());
		}
		if (record == null) {
			return;
		}
		entry.getKeyValuePairs().forEach((key, value) -> {
			switch (key) {
				case "stdout" -> record.stdout().append(value);
				case "stderr" -> record.stderr().append(value);
				default -> record.log().append(entry.getTimestamp() + " " + key + "=" + value + "\n");
			}
		});
	}

	private void finishTest(TestRecord record, TestExecutionResult result) {
		ActiveRuns.testFinished(record);
		this.running.remove(record);
		Throwable failure = result.getThrowable().orElse(null);
		switch (result.getStatus()) {
			case SUCCESSFUL -> record.finish(TestOutcome.PASSED, null, null);
			case ABORTED -> record.finish(TestOutcome.SKIPPED, null, abortReason(failure));
			case FAILED -> record.finish((failure instanceof AssertionError) ? TestOutcome.FAILED : TestOutcome.ERRORED,
					failure, null);
		}
	}

	/**
	 * A container failed or was aborted (a class's set-up or tear-down): its tests that
	 * never ran are errored (or skipped); when all of them ran, the container gets a
	 * record of its own.
	 */
	private void containerFailed(TestIdentifier id, TestExecutionResult result) {
		Throwable failure = result.getThrowable().orElse(null);
		boolean aborted = result.getStatus() == TestExecutionResult.Status.ABORTED;
		List<TestIdentifier> notRun = new ArrayList<>();
		for (TestIdentifier test : testsUnder(id)) {
			synchronized (this.records) {
				if (!this.records.containsKey(test.getUniqueId())) {
					notRun.add(test);
				}
			}
		}
		List<TestIdentifier> targets = notRun.isEmpty() ? List.of(id) : notRun;
		for (TestIdentifier target : targets) {
			TestRecord record = newRecord(target);
			if (aborted) {
				record.finish(TestOutcome.SKIPPED, null, abortReason(failure));
			}
			else {
				record.finish(TestOutcome.ERRORED, failure, null);
			}
		}
	}

	private static String abortReason(@Nullable Throwable failure) {
		if (failure == null) {
			return "aborted";
		}
		String message = failure.getMessage();
		if (failure instanceof TestAbortedException && message != null) {
			return message.startsWith(ASSUMPTION_FAILED) ? message.substring(ASSUMPTION_FAILED.length()) : message;
		}
		return (message != null) ? failure.getClass().getSimpleName() + ": " + message
				: failure.getClass().getSimpleName();
	}

	private List<TestIdentifier> testsUnder(TestIdentifier id) {
		if (this.plan == null) {
			return List.of();
		}
		try {
			return this.plan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private TestRecord newRecord(TestIdentifier id) {
		TestRecord record = TestNames.record(id, this.plan);
		synchronized (this.records) {
			TestRecord existing = this.records.putIfAbsent(id.getUniqueId(), record);
			return (existing != null) ? existing : record;
		}
	}

	private TestRecord recordOf(TestIdentifier id) {
		synchronized (this.records) {
			TestRecord record = this.records.get(id.getUniqueId());
			if (record != null) {
				return record;
			}
		}
		return newRecord(id);
	}

	boolean owns(TestRecord record) {
		synchronized (this.records) {
			return this.records.get(record.uniqueId()) == record || record == this.unattributed;
		}
	}

	TestRecord onlyRunningOrUnattributed() {
		List<TestRecord> now = List.copyOf(this.running);
		if (now.size() == 1) {
			return now.get(0);
		}
		synchronized (this.records) {
			if (this.unattributed == null) {
				this.unattributed = TestRecord.unattributed();
				this.unattributed.finish(TestOutcome.PASSED, null, null);
			}
			return this.unattributed;
		}
	}

	void scenarioFinished(TestRecord record, ScenarioResult result) {
		this.harnesses.addAll(result.harnesses());
		ObjectNode json = this.scenarioJson.scenario(result);
		record.addScenario(json);
	}

	/**
	 * Render every test record, in the order the tests started; the unattributed record
	 * last.
	 */
	List<ObjectNode> tests(String workerId, boolean streamRedaction) {
		List<TestRecord> all;
		synchronized (this.records) {
			all = new ArrayList<>(this.records.values());
			if (this.unattributed != null) {
				all.add(this.unattributed);
			}
		}
		List<ObjectNode> json = new ArrayList<>(all.size());
		for (TestRecord record : all) {
			json.add(record.toJson(this.sanitizer, workerId, streamRedaction));
		}
		return json;
	}

}

package dev.choreo.junit.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the report knows about one test while the run goes on: identity, timing, outcome,
 * captured output and the scenarios attributed to it. Thread-safe.
 */
final class TestRecord {

	static final int MAX_SCENARIOS = 100;

	static final String UNATTRIBUTED = "<unattributed>";

	private final String uniqueId;

	private final String nodeId;

	private final String name;

	private final @Nullable String className;

	private final String file;

	private final List<String> markers;

	private final long startNanos = System.nanoTime();

	private final List<ObjectNode> scenarios = new ArrayList<>();

	private final CapturedText stdout = new CapturedText();

	private final CapturedText stderr = new CapturedText();

	private final CapturedText log = new CapturedText();

	private int scenariosDropped;

	private @Nullable Double durationMillis;

	private TestOutcome outcome = TestOutcome.PASSED;

	private @Nullable String traceback;

	private @Nullable String skipReason;

	volatile @Nullable Thread thread;

	TestRecord(String uniqueId, String nodeId, String name, @Nullable String className, String file,
			List<String> markers) {
		this.uniqueId = uniqueId;
		this.nodeId = nodeId;
		this.name = name;
		this.className = className;
		this.file = file;
		this.markers = List.copyOf(markers);
	}

	static TestRecord unattributed() {
		return new TestRecord(UNATTRIBUTED, UNATTRIBUTED, UNATTRIBUTED, null, "", List.of());
	}

	String uniqueId() {
		return this.uniqueId;
	}

	String nodeId() {
		return this.nodeId;
	}

	boolean isUnattributed() {
		return UNATTRIBUTED.equals(this.uniqueId);
	}

	CapturedText stdout() {
		return this.stdout;
	}

	CapturedText stderr() {
		return this.stderr;
	}

	CapturedText log() {
		return this.log;
	}

	synchronized void addScenario(ObjectNode scenario) {
		if (this.scenarios.size() < MAX_SCENARIOS) {
			this.scenarios.add(scenario);
		}
		else {
			this.scenariosDropped++;
		}
	}

	synchronized int scenariosDropped() {
		return this.scenariosDropped;
	}

	synchronized void finish(TestOutcome outcome, @Nullable Throwable failure, @Nullable String skipReason) {
		if (this.durationMillis == null) {
			this.durationMillis = (System.nanoTime() - this.startNanos) / 1_000_000.0;
		}
		this.outcome = outcome;
		this.traceback = (failure != null) ? stackTrace(failure) : null;
		this.skipReason = skipReason;
	}

	synchronized boolean isFinished() {
		return this.durationMillis != null;
	}

	/**
	 * Render the record; texts go through the sanitizer here.
	 */
	synchronized ObjectNode toJson(Sanitizer sanitizer, String workerId, boolean streamRedaction) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("nodeid", sanitizer.text(this.nodeId));
		json.put("file", sanitizer.text(this.file));
		json.put("name", sanitizer.text(this.name));
		if (this.className != null) {
			json.put("class", this.className);
		}
		else {
			json.putNull("class");
		}
		ArrayNode markerArray = json.putArray("markers");
		this.markers.forEach((marker) -> markerArray.add(sanitizer.text(marker)));
		if (this.markers.isEmpty()) {
			json.putNull("choreo_meta");
		}
		else {
			json.putObject("choreo_meta").set("tags", markerArray.deepCopy());
		}
		json.put("outcome", finalOutcome().value());
		double duration = (this.durationMillis != null) ? this.durationMillis
				: (System.nanoTime() - this.startNanos) / 1_000_000.0;
		json.put("duration_ms", ScenarioJson.round(duration));
		putText(json, "traceback", (this.traceback != null) ? sanitizer.longText(this.traceback) : null);
		json.put("stdout", sanitizer.stream(this.stdout.text(), streamRedaction, this.stdout.droppedBytes()));
		json.put("stderr", sanitizer.stream(this.stderr.text(), streamRedaction, this.stderr.droppedBytes()));
		json.put("log", sanitizer.stream(this.log.text(), streamRedaction, this.log.droppedBytes()));
		putText(json, "skip_reason", (this.skipReason != null) ? sanitizer.text(this.skipReason) : null);
		json.put("worker_id", workerId);
		ArrayNode scenarioArray = json.putArray("scenarios");
		this.scenarios.forEach(scenarioArray::add);
		if (this.scenariosDropped > 0) {
			sanitizer.markTruncated();
		}
		return json;
	}

	/**
	 * The outcome as reported: a passing test with a SLOW scenario is slow; the
	 * unattributed record fails when one of its scenarios did.
	 */
	synchronized TestOutcome finalOutcome() {
		TestOutcome result = this.outcome;
		if (result != TestOutcome.PASSED) {
			return result;
		}
		boolean slow = false;
		for (ObjectNode scenario : this.scenarios) {
			String scenarioOutcome = scenario.path("outcome").asString("");
			if (isUnattributed() && ("fail".equals(scenarioOutcome) || "timeout".equals(scenarioOutcome)
					|| "aborted".equals(scenarioOutcome))) {
				return TestOutcome.FAILED;
			}
			slow |= "slow".equals(scenarioOutcome);
		}
		return slow ? TestOutcome.SLOW : result;
	}

	private static void putText(ObjectNode json, String field, @Nullable String value) {
		if (value != null) {
			json.put(field, value);
		}
		else {
			json.putNull(field);
		}
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		try {
			failure.printStackTrace(new PrintWriter(text));
		}
		catch (RuntimeException ex) {
			return failure.getClass().getName() + " (its stack trace could not be rendered)";
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "TestRecord[" + this.nodeId + "]";
	}

}

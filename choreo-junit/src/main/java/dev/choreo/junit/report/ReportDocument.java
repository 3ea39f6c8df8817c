package dev.choreo.junit.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds test-report-v1 documents: one worker's (its partial) and the merge of every
 * worker's partial into the full report.
 */
final class ReportDocument {

	static final String SCHEMA_VERSION = "1";

	static final int MAX_TESTS = 1000;

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final List<String> OUTCOMES = List.of("passed", "failed", "errored", "skipped", "slow");

	private ReportDocument() {
	}

	/**
	 * Build a document.
	 * @param settings the settings in force
	 * @param info facts about the JVM and checkout
	 * @param facts what the workers measured
	 * @param tests the test records, in order
	 * @param forks which workers took part, and which are incomplete
	 * @return the document
	 */
	static ObjectNode build(ReportSettings settings, RunInfo info, RunFacts facts, List<ObjectNode> tests,
			Forks forks) {
		List<ObjectNode> kept = cap(tests);
		boolean truncated = facts.truncated() || kept.size() < tests.size();
		ObjectNode document = nodes.objectNode();
		document.put("schema_version", SCHEMA_VERSION);
		ObjectNode run = document.putObject("run");
		run.put("started_at", facts.startedAt().toString());
		run.put("finished_at", facts.finishedAt().toString());
		run.put("duration_ms", Math.max(0, Duration.between(facts.startedAt(), facts.finishedAt()).toMillis()));
		run.set("totals", totals(tests));
		putText(run, "project_name", settings.projectName());
		run.put("transport",
				facts.transports().isEmpty() ? "none" : String.join(", ", new TreeSet<>(facts.transports())));
		putText(run, "allowlist_path", settings.allowlistSource());
		run.put("java_version", info.javaVersion());
		run.set("runtime", runtime(info.runtime(), forks));
		run.put("harness_version", info.harnessVersion());
		run.put("reporter_version", info.reporterVersion());
		putText(run, "git_sha", info.git().sha());
		putText(run, "git_branch", info.git().branch());
		run.put("environment", settings.environment());
		run.put("hostname", info.hostname());
		ObjectNode forksJson = run.putObject("forks");
		forksJson.put("workers", Math.max(1, forks.workerIds().size()));
		ArrayNode ids = forksJson.putArray("worker_ids");
		forks.workerIds().forEach(ids::add);
		ArrayNode incomplete = forksJson.putArray("incomplete_workers");
		forks.incomplete().forEach(incomplete::add);
		run.put("truncated", truncated);
		ObjectNode redactions = run.putObject("redactions");
		redactions.put("fields", facts.fields());
		redactions.put("stream_matches", facts.streamMatches());
		ArrayNode testArray = document.putArray("tests");
		kept.forEach(testArray::add);
		return document;
	}

	/**
	 * Merge the partials of every worker. A test run again by a later worker (same node
	 * id) keeps the record of the worker that ran it last.
	 * @param partials each worker's document, sorted by file name
	 * @param incomplete the workers whose partial is missing or unreadable
	 * @return the merged document
	 */
	static ObjectNode merge(List<ObjectNode> partials, List<String> incomplete, ReportSettings settings, RunInfo info) {
		Map<String, ObjectNode> tests = new LinkedHashMap<>();
		Set<String> workers = new LinkedHashSet<>();
		Set<String> incompleteWorkers = new LinkedHashSet<>(incomplete);
		Set<String> transports = new TreeSet<>();
		Set<String> owners = new LinkedHashSet<>();
		Instant started = null;
		Instant finished = null;
		long fields = 0;
		long streamMatches = 0;
		boolean truncated = false;
		for (ObjectNode partial : partials) {
			JsonNode run = partial.path("run");
			JsonNode forks = run.path("forks");
			forks.path("worker_ids").values().forEach((id) -> workers.add(id.asString()));
			forks.path("incomplete_workers").values().forEach((id) -> incompleteWorkers.add(id.asString()));
			String owner = forks.path("worker_ids").path(0).asString("");
			owners.add(owner);
			for (JsonNode test : partial.path("tests").values()) {
				if (test instanceof ObjectNode record) {
					String nodeId = record.path("nodeid").asString("");
					boolean own = owner.equals(record.path("worker_id").asString(""));
					if (own) {
						tests.remove(nodeId);
						tests.put(nodeId, record);
					}
					else {
						tests.putIfAbsent(nodeId, record);
					}
				}
			}
			String transport = run.path("transport").asString("none");
			if (!"none".equals(transport)) {
				Arrays.stream(transport.split(", ")).filter((name) -> !name.isBlank()).forEach(transports::add);
			}
			started = min(started, instant(run.path("started_at")));
			finished = max(finished, instant(run.path("finished_at")));
			fields += run.path("redactions").path("fields").asLong(0);
			streamMatches += run.path("redactions").path("stream_matches").asLong(0);
			truncated |= run.path("truncated").asBoolean(false);
		}
		incompleteWorkers.removeIf((id) -> owners.contains(id) && !incomplete.contains(id));
		workers.addAll(incompleteWorkers);
		Instant now = Instant.now();
		RunFacts facts = new RunFacts((started != null) ? started : now, (finished != null) ? finished : now,
				transports, fields, streamMatches, truncated);
		return build(settings, info, facts, new ArrayList<>(tests.values()),
				new Forks(List.copyOf(workers), List.copyOf(incompleteWorkers)));
	}

	private static ObjectNode runtime(RunInfo.JavaRuntime runtime, Forks forks) {
		ObjectNode json = nodes.objectNode();
		json.put("name", runtime.name());
		json.put("version", runtime.version());
		json.put("vendor", runtime.vendor());
		putText(json, "spring_boot", runtime.springBoot());
		json.put("workers", Math.max(1, forks.workerIds().size()));
		return json;
	}

	private static ObjectNode totals(List<ObjectNode> tests) {
		ObjectNode totals = nodes.objectNode();
		Map<String, Integer> counts = new LinkedHashMap<>();
		OUTCOMES.forEach((outcome) -> counts.put(outcome, 0));
		for (ObjectNode test : tests) {
			counts.computeIfPresent(test.path("outcome").asString(""), (key, count) -> count + 1);
		}
		counts.forEach(totals::put);
		totals.put("total", tests.size());
		return totals;
	}

	/**
	 * Keep at most {@link #MAX_TESTS} records: the tests that did not pass first, then
	 * passing ones, in their original order.
	 */
	private static List<ObjectNode> cap(List<ObjectNode> tests) {
		if (tests.size() <= MAX_TESTS) {
			return tests;
		}
		Set<ObjectNode> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (ObjectNode test : tests) {
			if (keep.size() < MAX_TESTS && !"passed".equals(test.path("outcome").asString(""))) {
				keep.add(test);
			}
		}
		for (ObjectNode test : tests) {
			if (keep.size() < MAX_TESTS) {
				keep.add(test);
			}
		}
		return tests.stream().filter(keep::contains).toList();
	}

	private static void putText(ObjectNode json, String field, @Nullable String value) {
		if (value != null) {
			json.put(field, value);
		}
		else {
			json.putNull(field);
		}
	}

	private static @Nullable Instant instant(JsonNode node) {
		try {
			return node.isString() ? Instant.parse(node.asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Instant min(@Nullable Instant a, @Nullable Instant b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

	private static @Nullable Instant max(@Nullable Instant a, @Nullable Instant b) {
		return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
	}

	/**
	 * What the workers measured, summed.
	 *
	 * @param startedAt the earliest start
	 * @param finishedAt the latest finish
	 * @param transports the harnesses used
	 * @param fields structured fields redacted
	 * @param streamMatches secrets scrubbed from text
	 * @param truncated whether any cap applied
	 */
	record RunFacts(Instant startedAt, Instant finishedAt, Set<String> transports, long fields, long streamMatches,
			boolean truncated) {
	}

	/**
	 * The workers of the run.
	 *
	 * @param workerIds every worker seen, the writing worker first
	 * @param incomplete the workers whose results are missing
	 */
	record Forks(List<String> workerIds, List<String> incomplete) {
	}

}

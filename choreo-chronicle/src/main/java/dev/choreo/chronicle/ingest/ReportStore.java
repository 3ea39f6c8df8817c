package dev.choreo.chronicle.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.choreo.chronicle.events.EventStore;
import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * Writes a parsed report inside the ingest transaction. Rows are locked in one global
 * order (the run, then topics by name, then hourly and daily roll-ups by topic id) so
 * concurrent shards of one run, and concurrent runs sharing topics, never deadlock.
 *
 * @author Choreo
 */
@Component
class ReportStore {

	private static final String ROLLUP_UPDATE = """
			 AS h SET handles = h.handles + u.handles, samples = h.samples + u.samples, passed = h.passed + u.passed,
				slow = h.slow + u.slow, timeouts = h.timeouts + u.timeouts, failed = h.failed + u.failed,
				budget_violations = h.budget_violations + u.budget_violations, min_ms = LEAST(h.min_ms, u.min_ms),
				max_ms = GREATEST(h.max_ms, u.max_ms), sum_ms = h.sum_ms + u.sum_ms, histogram = u.histogram,
				p50_ms = u.p50_ms, p95_ms = u.p95_ms, p99_ms = u.p99_ms
			FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
				?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::bytea[], ?::float8[], ?::float8[], ?::float8[])
				AS u(topic_id, handles, samples, passed, slow, timeouts, failed, budget_violations, min_ms, max_ms,
					sum_ms, histogram, p50_ms, p95_ms, p99_ms)
			WHERE h.tenant_id = ? AND h.bucket = ? AND h.topic_id = u.topic_id""";

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	private final EventStore events;

	ReportStore(JdbcClient jdbc, JsonMapper mapper, EventStore events) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.events = events;
	}

	IngestResult store(long tenantId, ParsedReport report, JsonNode json, @Nullable String runKey,
			@Nullable String idempotencyKey, @Nullable String warning, TransactionStatus status) {
		RunRow run = upsertRun(tenantId, report, runKey, idempotencyKey);
		Long reportId = insertReport(run.id(), tenantId, idempotencyKey, json);
		if (reportId == null) {
			status.setRollbackOnly();
			return IngestResult.duplicateOf(firstRunOf(tenantId, idempotencyKey));
		}
		Map<String, Long> topics = upsertTopics(tenantId, report);
		List<Long> scenarioIds = insertScenarios(run.id(), reportId, report);
		insertMeasurements(tenantId, run.id(), report, scenarioIds, topics);
		Map<Long, Rollup> rollups = rollups(report, topics);
		Instant hour = report.startedAt().truncatedTo(ChronoUnit.HOURS);
		Instant day = report.startedAt().truncatedTo(ChronoUnit.DAYS);
		mergeRollups("topic_latency_hourly", tenantId, hour, rollups);
		mergeRollups("topic_latency_daily", tenantId, day, rollups);
		List<Long> topicIds = new ArrayList<>(new TreeSet<>(topics.values()));
		refreshRunTopics(run, topicIds);
		this.events.append(tenantId, "run.completed", runCompleted(run, report, tenantId));
		return new IngestResult(run.id(), false, !run.inserted(), report.handleCount(), report.scenarios().size(),
				warning, topicIds);
	}

	private RunRow upsertRun(long tenantId, ParsedReport report, @Nullable String runKey,
			@Nullable String idempotencyKey) {
		ParsedReport.Totals totals = report.totals();
		return this.jdbc
			.sql("""
					INSERT INTO runs AS r (tenant_id, run_key, idempotency_key, project_name, branch, commit_sha, environment,
						hostname, transport, schema_version, started_at, finished_at, duration_ms, passed, failed, errored,
						skipped, slow, total, scenarios, handles)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (tenant_id, run_key) DO UPDATE SET
						started_at = LEAST(r.started_at, excluded.started_at),
						finished_at = GREATEST(r.finished_at, excluded.finished_at),
						duration_ms = EXTRACT(EPOCH FROM GREATEST(r.finished_at, excluded.finished_at)
							- LEAST(r.started_at, excluded.started_at)) * 1000,
						passed = r.passed + excluded.passed, failed = r.failed + excluded.failed,
						errored = r.errored + excluded.errored, skipped = r.skipped + excluded.skipped,
						slow = r.slow + excluded.slow, total = r.total + excluded.total,
						scenarios = r.scenarios + excluded.scenarios, handles = r.handles + excluded.handles,
						shards = r.shards + 1,
						project_name = COALESCE(r.project_name, excluded.project_name),
						branch = COALESCE(r.branch, excluded.branch), commit_sha = COALESCE(r.commit_sha, excluded.commit_sha),
						environment = COALESCE(r.environment, excluded.environment),
						hostname = COALESCE(r.hostname, excluded.hostname), transport = COALESCE(r.transport, excluded.transport),
						updated_at = now()
					RETURNING id, (xmax = 0) AS inserted, started_at, finished_at, environment, branch, commit_sha, shards,
						passed, failed, errored, skipped, slow, total""")
			.params(SqlArgs.of(tenantId, runKey, idempotencyKey, report.projectName(), report.branch(), report.commit(),
					report.environment(), report.hostname(), report.transport(), report.schemaVersion(),
					utc(report.startedAt()), utc(report.finishedAt()), report.durationMs(), totals.passed(),
					totals.failed(), totals.errored(), totals.skipped(), totals.slow(), totals.total(),
					report.scenarios().size(), report.handleCount()))
			.query(ReportStore::runRow)
			.single();
	}

	private static RunRow runRow(ResultSet rs, int row) throws SQLException {
		Map<String, Integer> totals = new LinkedHashMap<>();
		for (String name : List.of("passed", "failed", "errored", "skipped", "slow", "total")) {
			totals.put(name, rs.getInt(name));
		}
		return new RunRow(rs.getLong("id"), rs.getBoolean("inserted"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getString("environment"), rs.getString("branch"),
				rs.getString("commit_sha"), rs.getInt("shards"), totals);
	}

	private @Nullable Long insertReport(long runId, long tenantId, @Nullable String idempotencyKey, JsonNode json) {
		List<Long> ids = this.jdbc.sql("""
				INSERT INTO run_reports (run_id, tenant_id, idempotency_key, report) VALUES (?, ?, ?, ?::jsonb)
				ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING id""")
			.params(SqlArgs.of(runId, tenantId, idempotencyKey, this.mapper.writeValueAsString(json)))
			.query(Long.class)
			.list();
		return ids.isEmpty() ? null : ids.get(0);
	}

	private long firstRunOf(long tenantId, @Nullable String idempotencyKey) {
		return this.jdbc.sql("SELECT run_id FROM run_reports WHERE tenant_id = ? AND idempotency_key = ?")
			.params(SqlArgs.of(tenantId, idempotencyKey))
			.query(Long.class)
			.single();
	}

	private Map<String, Long> upsertTopics(long tenantId, ParsedReport report) {
		TreeSet<String> names = new TreeSet<>();
		report.scenarios().forEach((scenario) -> scenario.handles().forEach((handle) -> names.add(handle.topic())));
		Map<String, Long> ids = new TreeMap<>();
		if (names.isEmpty()) {
			return ids;
		}
		OffsetDateTime time = utc(report.startedAt());
		this.jdbc.sql("""
				INSERT INTO topics AS t (tenant_id, name, first_seen, last_seen)
				SELECT ?, n, ?, ? FROM unnest(?::text[]) AS n ORDER BY n
				ON CONFLICT (tenant_id, name) DO UPDATE SET first_seen = LEAST(t.first_seen, excluded.first_seen),
					last_seen = GREATEST(t.last_seen, excluded.last_seen)
				RETURNING id, name""")
			.params(tenantId, time, time, names.toArray(String[]::new))
			.query((rs, row) -> ids.put(rs.getString(2), rs.getLong(1)))
			.list();
		return ids;
	}

	private List<Long> insertScenarios(long runId, long reportId, ParsedReport report) {
		int count = report.scenarios().size();
		if (count == 0) {
			return List.of();
		}
		List<Long> ids = this.jdbc.sql("SELECT nextval('scenarios_id_seq') FROM generate_series(1, ?)")
			.param(count)
			.query(Long.class)
			.list();
		List<ParsedReport.Scenario> scenarios = report.scenarios();
		this.jdbc
			.sql("""
					INSERT INTO scenarios (id, run_id, report_id, test_nodeid, test_outcome, name, correlation_id, outcome,
						duration_ms, completed_normally, handles)
					SELECT u.id, ?, ?, u.nodeid, u.test_outcome, u.name, u.correlation_id, u.outcome, u.duration_ms,
						u.completed_normally, u.handles
					FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],
						?::boolean[], ?::int[])
						AS u(id, nodeid, test_outcome, name, correlation_id, outcome, duration_ms, completed_normally, handles)""")
			.params(runId, reportId, ids.toArray(Long[]::new),
					scenarios.stream().map(ParsedReport.Scenario::testNodeid).toArray(String[]::new),
					scenarios.stream().map(ParsedReport.Scenario::testOutcome).toArray(String[]::new),
					scenarios.stream().map(ParsedReport.Scenario::name).toArray(String[]::new),
					scenarios.stream().map(ParsedReport.Scenario::correlationId).toArray(String[]::new),
					scenarios.stream().map(ParsedReport.Scenario::outcome).toArray(String[]::new),
					scenarios.stream().map(ParsedReport.Scenario::durationMs).toArray(Double[]::new),
					scenarios.stream().map(ParsedReport.Scenario::completedNormally).toArray(Boolean[]::new),
					scenarios.stream().map((scenario) -> scenario.handles().size()).toArray(Integer[]::new))
			.update();
		return ids;
	}

	private void insertMeasurements(long tenantId, long runId, ParsedReport report, List<Long> scenarioIds,
			Map<String, Long> topics) {
		List<Long> scenarioColumn = new ArrayList<>();
		List<ParsedReport.Handle> handles = new ArrayList<>();
		for (int i = 0; i < report.scenarios().size(); i++) {
			for (ParsedReport.Handle handle : report.scenarios().get(i).handles()) {
				scenarioColumn.add(scenarioIds.get(i));
				handles.add(handle);
			}
		}
		if (handles.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO measurements (time, tenant_id, run_id, scenario_id, topic_id, harness, outcome, latency_ms,
					budget_ms, over_budget, attempts, diagnosis_kind, matcher_description)
				SELECT ?, ?, ?, u.scenario_id, u.topic_id, u.harness, u.outcome, u.latency_ms, u.budget_ms,
					u.over_budget, u.attempts, u.diagnosis_kind, u.matcher_description
				FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::boolean[],
					?::int[], ?::text[], ?::text[])
					AS u(scenario_id, topic_id, harness, outcome, latency_ms, budget_ms, over_budget, attempts,
						diagnosis_kind, matcher_description)""")
			.params(utc(report.startedAt()), tenantId, runId, scenarioColumn.toArray(Long[]::new),
					handles.stream().map((handle) -> topics.get(handle.topic())).toArray(Long[]::new),
					handles.stream().map(ParsedReport.Handle::harness).toArray(String[]::new),
					handles.stream().map(ParsedReport.Handle::outcome).toArray(String[]::new),
					handles.stream().map(ParsedReport.Handle::latencyMs).toArray(Double[]::new),
					handles.stream().map(ParsedReport.Handle::budgetMs).toArray(Double[]::new),
					handles.stream().map(ParsedReport.Handle::overBudget).toArray(Boolean[]::new),
					handles.stream().map(ParsedReport.Handle::attempts).toArray(Integer[]::new),
					handles.stream().map(ParsedReport.Handle::diagnosisKind).toArray(String[]::new),
					handles.stream().map(ParsedReport.Handle::matcherDescription).toArray(String[]::new))
			.update();
	}

	private static Map<Long, Rollup> rollups(ParsedReport report, Map<String, Long> topics) {
		Map<Long, Rollup> rollups = new TreeMap<>();
		for (ParsedReport.Scenario scenario : report.scenarios()) {
			for (ParsedReport.Handle handle : scenario.handles()) {
				Long topicId = topics.get(handle.topic());
				if (topicId != null) {
					rollups.computeIfAbsent(topicId, (id) -> new Rollup()).add(handle);
				}
			}
		}
		return rollups;
	}

	private void mergeRollups(String table, long tenantId, Instant bucket, Map<Long, Rollup> rollups) {
		if (rollups.isEmpty()) {
			return;
		}
		Long[] topicIds = rollups.keySet().toArray(Long[]::new);
		OffsetDateTime time = utc(bucket);
		this.jdbc
			.sql("INSERT INTO " + table + " (tenant_id, topic_id, bucket) SELECT ?, t, ? FROM unnest(?::bigint[])"
					+ " AS t ORDER BY t ON CONFLICT DO NOTHING")
			.params(tenantId, time, topicIds)
			.update();
		Map<Long, byte[]> stored = new TreeMap<>();
		this.jdbc
			.sql("SELECT topic_id, histogram FROM " + table
					+ " WHERE tenant_id = ? AND bucket = ? AND topic_id = ANY(?) ORDER BY topic_id FOR UPDATE")
			.params(tenantId, time, topicIds)
			.query((rs, row) -> stored.put(rs.getLong(1), rs.getBytes(2)))
			.list();
		List<Rollup> values = new ArrayList<>(rollups.values());
		List<Rollup.Merged> merged = rollups.entrySet()
			.stream()
			.map((entry) -> entry.getValue().mergedWith(stored.get(entry.getKey())))
			.toList();
		this.jdbc.sql("UPDATE " + table + ROLLUP_UPDATE)
			.params(topicIds, values.stream().map((r) -> r.handles).toArray(Long[]::new),
					values.stream().map((r) -> r.samples).toArray(Long[]::new),
					values.stream().map((r) -> r.passed).toArray(Long[]::new),
					values.stream().map((r) -> r.slow).toArray(Long[]::new),
					values.stream().map((r) -> r.timeouts).toArray(Long[]::new),
					values.stream().map((r) -> r.failed).toArray(Long[]::new),
					values.stream().map((r) -> r.overBudget).toArray(Long[]::new),
					values.stream().map((r) -> r.min).toArray(Double[]::new),
					values.stream().map((r) -> r.max).toArray(Double[]::new),
					values.stream().map((r) -> r.sum).toArray(Double[]::new),
					merged.stream().map(Rollup.Merged::histogram).toArray(byte[][]::new),
					merged.stream().map(Rollup.Merged::p50).toArray(Double[]::new),
					merged.stream().map(Rollup.Merged::p95).toArray(Double[]::new),
					merged.stream().map(Rollup.Merged::p99).toArray(Double[]::new), tenantId, time)
			.update();
	}

	private void refreshRunTopics(RunRow run, List<Long> topicIds) {
		if (topicIds.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO run_topics AS rt (run_id, topic_id, tenant_id, time, environment, handles, samples, passed, slow,
						timeouts, failed, over_budget, p50_ms, p95_ms, p99_ms)
					SELECT m.run_id, m.topic_id, m.tenant_id, ?, ?, count(*),
						count(*) FILTER (WHERE m.outcome IN ('pass', 'slow') AND m.latency_ms IS NOT NULL),
						count(*) FILTER (WHERE m.outcome = 'pass'), count(*) FILTER (WHERE m.outcome = 'slow'),
						count(*) FILTER (WHERE m.outcome = 'timeout'), count(*) FILTER (WHERE m.outcome = 'fail'),
						count(*) FILTER (WHERE m.over_budget),
						percentile_disc(0.50) WITHIN GROUP (ORDER BY m.latency_ms)
							FILTER (WHERE m.outcome IN ('pass', 'slow')),
						percentile_disc(0.95) WITHIN GROUP (ORDER BY m.latency_ms)
							FILTER (WHERE m.outcome IN ('pass', 'slow')),
						percentile_disc(0.99) WITHIN GROUP (ORDER BY m.latency_ms)
							FILTER (WHERE m.outcome IN ('pass', 'slow'))
					FROM measurements m
					WHERE m.run_id = ? AND m.topic_id = ANY(?) AND m.time >= ? AND m.time <= ?
					GROUP BY m.run_id, m.topic_id, m.tenant_id
					ON CONFLICT (run_id, topic_id) DO UPDATE SET time = excluded.time, environment = excluded.environment,
						handles = excluded.handles, samples = excluded.samples, passed = excluded.passed, slow = excluded.slow,
						timeouts = excluded.timeouts, failed = excluded.failed, over_budget = excluded.over_budget,
						p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms, p99_ms = excluded.p99_ms""")
			.params(SqlArgs.of(run.startedAt(), run.environment(), run.id(), topicIds.toArray(Long[]::new),
					run.startedAt(), run.finishedAt()))
			.update();
		this.jdbc.sql("UPDATE run_topics SET time = ? WHERE run_id = ?")
			.params(SqlArgs.of(run.startedAt(), run.id()))
			.update();
	}

	private Map<String, Object> runCompleted(RunRow run, ParsedReport report, long tenantId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("run_id", run.id());
		payload.put("tenant_id", tenantId);
		payload.put("started_at", run.startedAt().toString());
		payload.put("finished_at", run.finishedAt().toString());
		payload.put("branch", run.branch());
		payload.put("commit", run.commit());
		payload.put("environment", run.environment());
		payload.put("totals", run.totals());
		payload.put("shards", run.shards());
		payload.put("handles_ingested", report.handleCount());
		payload.put("scenarios_ingested", report.scenarios().size());
		return payload;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record RunRow(long id, boolean inserted, OffsetDateTime startedAt, OffsetDateTime finishedAt,
			@Nullable String environment, @Nullable String branch, @Nullable String commit, int shards,
			Map<String, Integer> totals) {
	}

}

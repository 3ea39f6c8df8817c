package dev.choreo.chronicle.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads runs of one tenant.
 *
 * @author Choreo
 */
@Service
public class RunQueries {

	private static final String COLUMNS = """
			r.id, r.run_key, r.project_name, r.branch, r.commit_sha, r.environment, r.hostname, r.transport,
			r.schema_version, r.started_at, r.finished_at, r.duration_ms, r.passed, r.failed, r.errored, r.skipped, r.slow,
			r.total, r.scenarios, r.handles, r.shards, r.received_at, r.idempotency_key""";

	private final JdbcClient jdbc;

	RunQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * List runs, newest first.
	 * @param tenantId the tenant
	 * @param environment only this environment, or {@code null}
	 * @param branch only this branch, or {@code null}
	 * @param limit at most this many
	 * @param offset skip this many
	 * @return the runs
	 */
	public List<RunSummary> list(long tenantId, @Nullable String environment, @Nullable String branch, int limit,
			int offset) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM runs r WHERE r.tenant_id = ? AND (CAST(? AS text) IS NULL OR r.environment = ?)
				AND (CAST(? AS text) IS NULL OR r.branch = ?)
				ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?""")
			.params(SqlArgs.of(tenantId, environment, environment, branch, branch, limit, offset))
			.query(RunQueries::summary)
			.list();
	}

	/**
	 * Find a run with its scenarios.
	 * @param tenantId the tenant
	 * @param runId the run
	 * @return the run, or empty when the tenant has no such run
	 */
	public Optional<RunDetail> find(long tenantId, long runId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM runs r WHERE r.tenant_id = ? AND r.id = ?")
			.params(tenantId, runId)
			.query(RunQueries::summary)
			.optional()
			.map((run) -> new RunDetail(run, scenarios(runId), topics(runId)));
	}

	private List<Map<String, Object>> scenarios(long runId) {
		return this.jdbc.sql("""
				SELECT s.id, s.test_nodeid, s.test_outcome, s.name, s.correlation_id, s.outcome, s.duration_ms,
					s.completed_normally, s.handles FROM scenarios s WHERE s.run_id = ? ORDER BY s.id""")
			.param(runId)
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> topics(long runId) {
		return this.jdbc.sql("""
				SELECT t.name AS topic, rt.handles, rt.samples, rt.passed, rt.slow, rt.timeouts, rt.failed,
					rt.over_budget, rt.p50_ms, rt.p95_ms, rt.p99_ms
				FROM run_topics rt JOIN topics t ON t.id = rt.topic_id WHERE rt.run_id = ? ORDER BY t.name""")
			.param(runId)
			.query()
			.listOfRows();
	}

	/**
	 * Return the stored reports of a run as JSON texts, in the order they arrived.
	 * @param tenantId the tenant
	 * @param runId the run
	 * @return the reports, empty when the tenant has no such run
	 */
	public List<String> rawReports(long tenantId, long runId) {
		return this.jdbc.sql("SELECT report::text FROM run_reports WHERE tenant_id = ? AND run_id = ? ORDER BY id")
			.params(tenantId, runId)
			.query(String.class)
			.list();
	}

	static RunSummary summary(ResultSet rs, int row) throws SQLException {
		Map<String, Integer> totals = new LinkedHashMap<>();
		for (String name : List.of("passed", "failed", "errored", "skipped", "slow", "total")) {
			totals.put(name, rs.getInt(name));
		}
		return new RunSummary(rs.getLong("id"), rs.getString("run_key"), rs.getString("project_name"),
				rs.getString("branch"), rs.getString("commit_sha"), rs.getString("environment"),
				rs.getString("hostname"), rs.getString("transport"), rs.getString("schema_version"),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getDouble("duration_ms"), totals, rs.getInt("scenarios"), rs.getInt("handles"), rs.getInt("shards"),
				rs.getObject("received_at", OffsetDateTime.class), rs.getString("idempotency_key"));
	}

	/**
	 * A run.
	 *
	 * @param id its id
	 * @param runKey its run key, or {@code null}
	 * @param projectName the project
	 * @param branch the git branch
	 * @param commit the git commit
	 * @param environment the environment
	 * @param hostname the host of the first report
	 * @param transport the harnesses used
	 * @param schemaVersion the report schema version
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 * @param durationMs how long it took
	 * @param totals test totals (summed over shards)
	 * @param scenarios scenarios stored
	 * @param handles handles stored
	 * @param shards reports merged into it
	 * @param receivedAt when the first report arrived
	 * @param idempotencyKey the first report's Idempotency-Key
	 */
	public record RunSummary(long id, @Nullable String runKey, @Nullable String projectName, @Nullable String branch,
			@Nullable String commit, @Nullable String environment, @Nullable String hostname,
			@Nullable String transport, String schemaVersion, OffsetDateTime startedAt, OffsetDateTime finishedAt,
			double durationMs, Map<String, Integer> totals, int scenarios, int handles, int shards,
			OffsetDateTime receivedAt, @Nullable String idempotencyKey) {
	}

	/**
	 * A run with its scenarios and per-topic statistics.
	 *
	 * @param run the run
	 * @param scenarioList its scenarios
	 * @param topics its topics' statistics
	 */
	public record RunDetail(RunSummary run, List<Map<String, Object>> scenarioList, List<Map<String, Object>> topics) {
	}

}

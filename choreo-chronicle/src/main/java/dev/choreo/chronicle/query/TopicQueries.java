package dev.choreo.chronicle.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads topics of one tenant.
 *
 * @author Choreo
 */
@Service
public class TopicQueries {

	private final JdbcClient jdbc;

	TopicQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * List the tenant's topics with the statistics of the latest run that used each.
	 * @param tenantId the tenant
	 * @return the topics, by name
	 */
	public List<TopicSummary> list(long tenantId) {
		return this.jdbc
			.sql("""
					SELECT t.name, t.first_seen, t.last_seen, rt.run_id, rt.time, rt.handles, rt.samples, rt.passed, rt.slow,
						rt.timeouts, rt.failed, rt.over_budget, rt.p50_ms, rt.p95_ms, rt.p99_ms
					FROM topics t LEFT JOIN LATERAL (SELECT * FROM run_topics r WHERE r.tenant_id = t.tenant_id
						AND r.topic_id = t.id ORDER BY r.time DESC, r.run_id DESC LIMIT 1) rt ON true
					WHERE t.tenant_id = ? ORDER BY t.name""")
			.param(tenantId)
			.query((rs, row) -> {
				int handles = rs.getInt("handles");
				return new TopicSummary(rs.getString("name"), rs.getObject("first_seen", OffsetDateTime.class),
						rs.getObject("last_seen", OffsetDateTime.class), (Long) rs.getObject("run_id"), handles,
						rs.getInt("samples"), rs.getInt("passed"), rs.getInt("slow"), rs.getInt("timeouts"),
						rs.getInt("failed"), rs.getInt("over_budget"), (Double) rs.getObject("p50_ms"),
						(Double) rs.getObject("p95_ms"), (Double) rs.getObject("p99_ms"),
						(handles == 0) ? null : 100.0 * rs.getInt("passed") / handles);
			})
			.list();
	}

	/**
	 * Find a topic's id.
	 * @param tenantId the tenant
	 * @param topic the topic name
	 * @return its id, or empty when the tenant never used it
	 */
	public Optional<Long> topicId(long tenantId, String topic) {
		return this.jdbc.sql("SELECT id FROM topics WHERE tenant_id = ? AND name = ?")
			.params(tenantId, topic)
			.query(Long.class)
			.optional();
	}

	/**
	 * List the runs that used a topic, newest first, with the topic's statistics in each.
	 * @param tenantId the tenant
	 * @param topicId the topic
	 * @param limit at most this many
	 * @param offset skip this many
	 * @return the runs
	 */
	public List<TopicRun> runs(long tenantId, long topicId, int limit, int offset) {
		return this.jdbc.sql("""
				SELECT r.id, r.started_at, r.branch, r.commit_sha, r.environment, rt.handles, rt.samples, rt.passed,
					rt.slow, rt.timeouts, rt.failed, rt.over_budget, rt.p50_ms, rt.p95_ms, rt.p99_ms
				FROM run_topics rt JOIN runs r ON r.id = rt.run_id
				WHERE rt.tenant_id = ? AND rt.topic_id = ? ORDER BY rt.time DESC, rt.run_id DESC LIMIT ? OFFSET ?""")
			.params(tenantId, topicId, limit, offset)
			.query((rs, row) -> new TopicRun(rs.getLong("id"), rs.getObject("started_at", OffsetDateTime.class),
					rs.getString("branch"), rs.getString("commit_sha"), rs.getString("environment"),
					rs.getInt("handles"), rs.getInt("samples"), rs.getInt("passed"), rs.getInt("slow"),
					rs.getInt("timeouts"), rs.getInt("failed"), rs.getInt("over_budget"),
					(Double) rs.getObject("p50_ms"), (Double) rs.getObject("p95_ms"), (Double) rs.getObject("p99_ms")))
			.list();
	}

	/**
	 * A topic with the statistics of the latest run that used it.
	 *
	 * @param topic the name
	 * @param firstSeen first run time
	 * @param lastSeen latest run time
	 * @param latestRunId the latest run, or {@code null}
	 * @param handles handles in that run
	 * @param samples matched handles (latency samples) in that run
	 * @param passed passed handles
	 * @param slow slow handles
	 * @param timeouts timed-out handles
	 * @param failed failed handles
	 * @param overBudget handles over budget
	 * @param p50Ms p50 latency in ms
	 * @param p95Ms p95 latency in ms
	 * @param p99Ms p99 latency in ms
	 * @param passSharePct passed handles in percent
	 */
	public record TopicSummary(String topic, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
			@Nullable Long latestRunId, int handles, int samples, int passed, int slow, int timeouts, int failed,
			int overBudget, @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms,
			@Nullable Double passSharePct) {
	}

	/**
	 * A run that used a topic.
	 *
	 * @param runId the run
	 * @param startedAt when it started
	 * @param branch its branch
	 * @param commit its commit
	 * @param environment its environment
	 * @param handles handles on the topic
	 * @param samples latency samples
	 * @param passed passed handles
	 * @param slow slow handles
	 * @param timeouts timed-out handles
	 * @param failed failed handles
	 * @param overBudget handles over budget
	 * @param p50Ms p50 latency in ms
	 * @param p95Ms p95 latency in ms
	 * @param p99Ms p99 latency in ms
	 */
	public record TopicRun(long runId, OffsetDateTime startedAt, @Nullable String branch, @Nullable String commit,
			@Nullable String environment, int handles, int samples, int passed, int slow, int timeouts, int failed,
			int overBudget, @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms) {
	}

}

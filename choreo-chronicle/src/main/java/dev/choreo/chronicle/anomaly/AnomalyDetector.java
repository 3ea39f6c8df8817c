package dev.choreo.chronicle.anomaly;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.ChronicleProperties;
import dev.choreo.chronicle.events.EventStore;
import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link AnomalyRules} for every topic of a run, after the run is committed, in
 * a transaction of its own. The baseline is the topic's previous runs (by start time) in
 * the same tenant, and in the same environment when the run names one. A topic judged
 * again (another shard of the run arrived) updates its anomaly instead of adding one; a
 * new anomaly appends an {@code anomaly.detected} event.
 *
 * @author Choreo
 */
@Service
public class AnomalyDetector {

	private final JdbcClient jdbc;

	private final EventStore events;

	private final TransactionTemplate transactions;

	private final AnomalyRules rules;

	private final int baselineRuns;

	AnomalyDetector(JdbcClient jdbc, EventStore events, PlatformTransactionManager transactionManager,
			ChronicleProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.rules = new AnomalyRules(properties.getAnomaly());
		this.baselineRuns = properties.getAnomaly().getBaselineRuns();
	}

	/**
	 * Judge the given topics of a run.
	 * @param runId the run
	 * @param topicIds its topics
	 */
	public void detect(long runId, List<Long> topicIds) {
		this.transactions.executeWithoutResult((status) -> topicIds.forEach((topicId) -> detect(runId, topicId)));
	}

	private void detect(long runId, long topicId) {
		Current current = current(runId, topicId);
		if (current == null) {
			return;
		}
		List<AnomalyRules.TopicStats> baseline = baseline(current, runId, topicId);
		for (AnomalyRules.Finding finding : this.rules.judge(current.stats(), baseline)) {
			store(current, runId, topicId, finding);
		}
	}

	private @Nullable Current current(long runId, long topicId) {
		return this.jdbc.sql("""
				SELECT rt.tenant_id, rt.time, rt.environment, rt.handles, rt.passed, rt.over_budget, rt.p95_ms, t.name
				FROM run_topics rt JOIN topics t ON t.id = rt.topic_id WHERE rt.run_id = ? AND rt.topic_id = ?""")
			.params(runId, topicId)
			.query((rs, row) -> new Current(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					new AnomalyRules.TopicStats(rs.getInt(4), rs.getInt(5), rs.getInt(6), (Double) rs.getObject(7)),
					rs.getString(8)))
			.optional()
			.orElse(null);
	}

	private List<AnomalyRules.TopicStats> baseline(Current current, long runId, long topicId) {
		return this.jdbc.sql("""
				SELECT handles, passed, over_budget, p95_ms FROM run_topics
				WHERE tenant_id = ? AND topic_id = ? AND run_id <> ? AND (time, run_id) < (?, ?)
					AND (CAST(? AS text) IS NULL OR environment = ?)
				ORDER BY time DESC, run_id DESC LIMIT ?""")
			.params(SqlArgs.of(current.tenantId(), topicId, runId, current.time(), runId, current.environment(),
					current.environment(), this.baselineRuns))
			.query((rs, row) -> new AnomalyRules.TopicStats(rs.getInt(1), rs.getInt(2), rs.getInt(3),
					(Double) rs.getObject(4)))
			.list();
	}

	private void store(Current current, long runId, long topicId, AnomalyRules.Finding finding) {
		Map<String, Object> row = this.jdbc
			.sql("""
					INSERT INTO anomalies AS a (tenant_id, run_id, topic_id, time, method, metric, current_value,
						baseline_value, stddev, change_pct, severity)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (run_id, topic_id, method) DO UPDATE SET current_value = excluded.current_value,
						baseline_value = excluded.baseline_value, stddev = excluded.stddev, change_pct = excluded.change_pct,
						severity = excluded.severity, time = excluded.time
					RETURNING id, (xmax = 0) AS inserted""")
			.params(SqlArgs.of(current.tenantId(), runId, topicId, current.time(), finding.method(), finding.metric(),
					finding.current(), finding.baseline(), finding.stddev(), finding.changePct(), finding.severity()))
			.query()
			.singleRow();
		if (Boolean.TRUE.equals(row.get("inserted"))) {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("anomaly_id", row.get("id"));
			payload.put("run_id", runId);
			payload.put("topic", current.topic());
			payload.put("method", finding.method());
			payload.put("metric", finding.metric());
			payload.put("severity", finding.severity());
			payload.put("current", finding.current());
			payload.put("baseline", finding.baseline());
			this.events.append(current.tenantId(), "anomaly.detected", payload);
		}
	}

	record Current(long tenantId, OffsetDateTime time, @Nullable String environment, AnomalyRules.TopicStats stats,
			String topic) {
	}

}

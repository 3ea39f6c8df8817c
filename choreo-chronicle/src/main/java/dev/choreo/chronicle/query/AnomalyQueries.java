package dev.choreo.chronicle.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads and resolves anomalies of one tenant.
 *
 * @author Choreo
 */
@Service
public class AnomalyQueries {

	private static final String SELECT = """
			SELECT a.id, a.run_id, t.name AS topic, a.time, a.detected_at, a.method, a.metric, a.current_value,
				a.baseline_value, a.stddev, a.change_pct, a.severity, a.resolved, a.resolved_at, a.resolved_by,
				a.resolution_note
			FROM anomalies a JOIN topics t ON t.id = a.topic_id""";

	private final JdbcClient jdbc;

	AnomalyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * List anomalies, newest first.
	 * @param tenantId the tenant
	 * @param topic only this topic, or {@code null}
	 * @param severity only this severity, or {@code null}
	 * @param resolved only resolved or only open ones, or {@code null} for both
	 * @param limit at most this many
	 * @param offset skip this many
	 * @return the anomalies
	 */
	public List<AnomalyView> list(long tenantId, @Nullable String topic, @Nullable String severity,
			@Nullable Boolean resolved, int limit, int offset) {
		return this.jdbc.sql(SELECT + """
				 WHERE a.tenant_id = ? AND (CAST(? AS text) IS NULL OR t.name = ?)
				AND (CAST(? AS text) IS NULL OR a.severity = ?) AND (CAST(? AS boolean) IS NULL OR a.resolved = ?)
				ORDER BY a.detected_at DESC, a.id DESC LIMIT ? OFFSET ?""")
			.params(SqlArgs.of(tenantId, topic, topic, severity, severity, resolved, resolved, limit, offset))
			.query(AnomalyQueries::view)
			.list();
	}

	/**
	 * Resolve or reopen an anomaly.
	 * @param tenantId the tenant
	 * @param id the anomaly
	 * @param resolved whether it is resolved
	 * @param by who resolved or reopened it
	 * @param note why
	 * @return the anomaly after the change, or empty when the tenant has no such anomaly
	 */
	public Optional<AnomalyView> resolve(long tenantId, long id, boolean resolved, @Nullable String by,
			@Nullable String note) {
		int updated = this.jdbc.sql("""
				UPDATE anomalies SET resolved = ?, resolved_at = CASE WHEN ? THEN now() END, resolved_by = ?,
					resolution_note = ? WHERE tenant_id = ? AND id = ?""")
			.params(SqlArgs.of(resolved, resolved, by, note, tenantId, id))
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " WHERE a.tenant_id = ? AND a.id = ?")
			.params(tenantId, id)
			.query(AnomalyQueries::view)
			.optional();
	}

	private static AnomalyView view(ResultSet rs, int row) throws SQLException {
		return new AnomalyView(rs.getLong("id"), rs.getLong("run_id"), rs.getString("topic"),
				rs.getObject("time", OffsetDateTime.class), rs.getObject("detected_at", OffsetDateTime.class),
				rs.getString("method"), rs.getString("metric"), rs.getDouble("current_value"),
				rs.getDouble("baseline_value"), (Double) rs.getObject("stddev"), (Double) rs.getObject("change_pct"),
				rs.getString("severity"), rs.getBoolean("resolved"), rs.getObject("resolved_at", OffsetDateTime.class),
				rs.getString("resolved_by"), rs.getString("resolution_note"));
	}

	/**
	 * An anomaly.
	 *
	 * @param id its id
	 * @param runId the run judged
	 * @param topic the topic
	 * @param time the run's start
	 * @param detectedAt when it was detected
	 * @param method the rule: rolling_baseline, budget_violation or outcome_shift
	 * @param metric what the rule measured: p95_ms, budget_violation_pct or pass_rate_pct
	 * @param current the run's value
	 * @param baseline the baseline or threshold
	 * @param stddev the baseline's standard deviation, when used
	 * @param changePct change from the baseline in percent
	 * @param severity warning or critical
	 * @param resolved whether it is resolved
	 * @param resolvedAt when it was resolved
	 * @param resolvedBy who resolved or reopened it
	 * @param resolutionNote why
	 */
	public record AnomalyView(long id, long runId, String topic, OffsetDateTime time, OffsetDateTime detectedAt,
			String method, String metric, double current, double baseline, @Nullable Double stddev,
			@Nullable Double changePct, String severity, boolean resolved, @Nullable OffsetDateTime resolvedAt,
			@Nullable String resolvedBy, @Nullable String resolutionNote) {
	}

}

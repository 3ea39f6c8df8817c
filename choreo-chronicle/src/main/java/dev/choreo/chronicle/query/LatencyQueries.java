package dev.choreo.chronicle.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.storage.LatencyHistogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A topic's latency over time. Raw points are per run, with exact percentiles of the
 * matched handles; hourly and daily points come from the roll-ups, whose percentiles are
 * read from the bucket's HdrHistogram (3 significant digits: within 0.1 %). The roll-ups
 * are written in the ingest transaction, so the newest bucket, still filling, is as
 * current as the raw rows. The window's summary percentiles are read from the merge of
 * all its buckets' histograms.
 *
 * @author Choreo
 */
@Service
public class LatencyQueries {

	private final JdbcClient jdbc;

	LatencyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Read a topic's latency series.
	 * @param tenantId the tenant
	 * @param topicId the topic
	 * @param from start of the window (inclusive)
	 * @param to end of the window (exclusive)
	 * @param resolution the resolution
	 * @return the series
	 */
	public LatencySeries series(long tenantId, long topicId, Instant from, Instant to, Resolution resolution) {
		return switch (resolution) {
			case RAW -> raw(tenantId, topicId, from, to);
			case HOURLY ->
				rolledUp("topic_latency_hourly", tenantId, topicId, from.truncatedTo(ChronoUnit.HOURS), to, resolution);
			case DAILY ->
				rolledUp("topic_latency_daily", tenantId, topicId, from.truncatedTo(ChronoUnit.DAYS), to, resolution);
		};
	}

	private LatencySeries raw(long tenantId, long topicId, Instant from, Instant to) {
		List<LatencyPoint> points = this.jdbc
			.sql("""
					SELECT m.time, count(*) AS handles,
						count(*) FILTER (WHERE m.outcome IN ('pass', 'slow') AND m.latency_ms IS NOT NULL) AS samples,
						percentile_disc(0.50) WITHIN GROUP (ORDER BY m.latency_ms) FILTER (WHERE m.outcome IN ('pass', 'slow')),
						percentile_disc(0.95) WITHIN GROUP (ORDER BY m.latency_ms) FILTER (WHERE m.outcome IN ('pass', 'slow')),
						percentile_disc(0.99) WITHIN GROUP (ORDER BY m.latency_ms) FILTER (WHERE m.outcome IN ('pass', 'slow')),
						count(*) FILTER (WHERE m.outcome = 'slow'), count(*) FILTER (WHERE m.outcome = 'timeout'),
						count(*) FILTER (WHERE m.outcome = 'fail'), count(*) FILTER (WHERE m.over_budget),
						min(m.latency_ms) FILTER (WHERE m.outcome IN ('pass', 'slow')),
						max(m.latency_ms) FILTER (WHERE m.outcome IN ('pass', 'slow'))
					FROM measurements m WHERE m.tenant_id = ? AND m.topic_id = ? AND m.time >= ? AND m.time < ?
					GROUP BY m.time ORDER BY m.time""")
			.params(tenantId, topicId, utc(from), utc(to))
			.query((rs, row) -> new LatencyPoint(rs.getObject(1, OffsetDateTime.class), rs.getLong(2), rs.getLong(3),
					(Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getLong(7),
					rs.getLong(8), rs.getLong(9), rs.getLong(10), (Double) rs.getObject(11), (Double) rs.getObject(12)))
			.list();
		List<Double> all = this.jdbc.sql("""
				SELECT m.latency_ms FROM measurements m WHERE m.tenant_id = ? AND m.topic_id = ? AND m.time >= ?
				AND m.time < ? AND m.outcome IN ('pass', 'slow') AND m.latency_ms IS NOT NULL ORDER BY m.latency_ms""")
			.params(tenantId, topicId, utc(from), utc(to))
			.query(Double.class)
			.list();
		return new LatencySeries(Resolution.RAW, utc(from), utc(to), exactSummary(all), points);
	}

	private LatencySeries rolledUp(String table, long tenantId, long topicId, Instant from, Instant to,
			Resolution resolution) {
		LatencyHistogram window = LatencyHistogram.empty();
		List<LatencyPoint> points = new ArrayList<>();
		this.jdbc
			.sql("SELECT bucket, handles, samples, slow, timeouts, failed, budget_violations, min_ms, max_ms,"
					+ " p50_ms, p95_ms, p99_ms, histogram FROM " + table
					+ " WHERE tenant_id = ? AND topic_id = ? AND bucket >= ? AND bucket < ? ORDER BY bucket")
			.params(tenantId, topicId, utc(from), utc(to))
			.query((rs, row) -> {
				window.merge(LatencyHistogram.decode(rs.getBytes("histogram")));
				points.add(new LatencyPoint(rs.getObject("bucket", OffsetDateTime.class), rs.getLong("handles"),
						rs.getLong("samples"), (Double) rs.getObject("p50_ms"), (Double) rs.getObject("p95_ms"),
						(Double) rs.getObject("p99_ms"), rs.getLong("slow"), rs.getLong("timeouts"),
						rs.getLong("failed"), rs.getLong("budget_violations"), (Double) rs.getObject("min_ms"),
						(Double) rs.getObject("max_ms")));
				return row;
			})
			.list();
		Summary summary = new Summary(window.count(), window.percentile(50), window.percentile(95),
				window.percentile(99));
		return new LatencySeries(resolution, utc(from), utc(to), summary, points);
	}

	private static Summary exactSummary(List<Double> sorted) {
		return new Summary(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99));
	}

	/**
	 * The nearest-rank percentile of sorted values: the smallest value with at least
	 * {@code percentile} % of the values at or below it (PostgreSQL's
	 * {@code percentile_disc}).
	 * @param sorted the values, sorted
	 * @param percentile the percentile, 0 to 100
	 * @return the value, or {@code null} when there are none
	 */
	public static @Nullable Double nearestRank(List<Double> sorted, double percentile) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percentile / 100 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A latency series.
	 *
	 * @param resolution its resolution
	 * @param from start of the window
	 * @param to end of the window
	 * @param summary percentiles over the whole window
	 * @param points the points, oldest first
	 */
	public record LatencySeries(Resolution resolution, OffsetDateTime from, OffsetDateTime to, Summary summary,
			List<LatencyPoint> points) {
	}

	/**
	 * Percentiles over a window.
	 *
	 * @param samples latency samples (matched handles)
	 * @param p50Ms p50 in ms
	 * @param p95Ms p95 in ms
	 * @param p99Ms p99 in ms
	 */
	public record Summary(long samples, @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms) {
	}

	/**
	 * One point of a series: a run (raw) or a bucket.
	 *
	 * @param time the run's start, or the bucket's start
	 * @param count handles
	 * @param samples latency samples (matched handles)
	 * @param p50Ms p50 in ms
	 * @param p95Ms p95 in ms
	 * @param p99Ms p99 in ms
	 * @param slow slow handles
	 * @param timeouts timed-out handles
	 * @param failed failed handles
	 * @param budgetViolations handles over budget
	 * @param minMs lowest latency
	 * @param maxMs highest latency
	 */
	public record LatencyPoint(OffsetDateTime time, long count, long samples, @Nullable Double p50Ms,
			@Nullable Double p95Ms, @Nullable Double p99Ms, long slow, long timeouts, long failed,
			long budgetViolations, @Nullable Double minMs, @Nullable Double maxMs) {
	}

}

package dev.choreo.chronicle.ingest;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.storage.LatencyHistogram;

/**
 * The contribution of one report to one topic's roll-up bucket.
 *
 * @author Choreo
 */
final class Rollup {

	long handles;

	long samples;

	long passed;

	long slow;

	long timeouts;

	long failed;

	long overBudget;

	@Nullable Double min;

	@Nullable Double max;

	double sum;

	final LatencyHistogram histogram = LatencyHistogram.empty();

	void add(ParsedReport.Handle handle) {
		this.handles++;
		switch (handle.outcome()) {
			case "pass" -> this.passed++;
			case "slow" -> this.slow++;
			case "timeout" -> this.timeouts++;
			case "fail" -> this.failed++;
			default -> {
			}
		}
		if (handle.overBudget()) {
			this.overBudget++;
		}
		Double latency = handle.latencyMs();
		if (handle.isSample() && latency != null) {
			this.samples++;
			this.sum += latency;
			this.min = (this.min == null) ? latency : Math.min(this.min, latency);
			this.max = (this.max == null) ? latency : Math.max(this.max, latency);
			this.histogram.record(latency);
		}
	}

	Merged mergedWith(byte @Nullable [] stored) {
		LatencyHistogram merged = LatencyHistogram.decode(stored);
		merged.merge(this.histogram);
		return new Merged(merged.encode(), merged.percentile(50), merged.percentile(95), merged.percentile(99));
	}

	/**
	 * A bucket's histogram after the merge, with its percentiles.
	 */
	record Merged(byte[] histogram, @Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {
	}

}

package dev.choreo.chronicle.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.choreo.chronicle.query.LatencyQueries;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTests {

	@Test
	void mergedHistogramsGiveThePercentilesOfAllValuesWithinTheStatedPrecision() {
		Random random = new Random(20261202);
		List<Double> all = new ArrayList<>();
		LatencyHistogram merged = LatencyHistogram.empty();
		for (int bucket = 0; bucket < 24; bucket++) {
			LatencyHistogram histogram = LatencyHistogram.empty();
			int count = 50 + random.nextInt(500);
			for (int i = 0; i < count; i++) {
				// log-normal latencies from tens of microseconds to seconds, kept to
				// microseconds
				double millis = Math.round(Math.exp(random.nextGaussian() * 1.5 + 2) * 1000) / 1000.0;
				all.add(millis);
				histogram.record(millis);
			}
			merged.merge(LatencyHistogram.decode(histogram.encode()));
		}
		Collections.sort(all);
		assertThat(merged.count()).isEqualTo(all.size());
		for (double percentile : new double[] { 1, 10, 50, 90, 95, 99, 99.9, 100 }) {
			double exact = LatencyQueries.nearestRank(all, percentile);
			double estimate = merged.percentile(percentile);
			assertThat(Math.abs(estimate - exact)).as("p%s of %s values", percentile, all.size())
				.isLessThanOrEqualTo(Math.max(exact * 0.001, 0.001));
		}
	}

	@Test
	void anEmptyHistogramHasNoPercentiles() {
		assertThat(LatencyHistogram.empty().percentile(50)).isNull();
		assertThat(LatencyHistogram.decode(null).count()).isZero();
		assertThat(LatencyHistogram.decode(LatencyHistogram.empty().encode()).count()).isZero();
	}

	@Test
	void clampsLatenciesAboveAnHour() {
		LatencyHistogram histogram = LatencyHistogram.empty();
		histogram.record(10_000_000);
		assertThat(histogram.percentile(100)).isCloseTo(3_600_000.0, org.assertj.core.api.Assertions.within(3_600.0));
	}

	@Test
	void encodesCompactly() {
		LatencyHistogram histogram = LatencyHistogram.empty();
		for (int i = 1; i <= 300; i++) {
			histogram.record(i * 0.37);
		}
		assertThat(histogram.encode().length).isLessThan(1024);
	}

}

package dev.choreo.chronicle.anomaly;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.choreo.chronicle.ChronicleProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnomalyRulesTests {

	private final AnomalyRules rules = new AnomalyRules(new ChronicleProperties.Anomaly());

	/** p95 values 9, 9, 10, 11, 11: mean 10, sample standard deviation exactly 1. */
	private static final List<AnomalyRules.TopicStats> BASELINE = p95s(9, 9, 10, 11, 11);

	@Test
	void rollingBaselineNeedsFiveEarlierRuns() {
		assertThat(this.rules.rollingBaseline(p95(100), p95s(9, 10, 11, 10))).isEmpty();
		assertThat(this.rules.rollingBaseline(p95(100), p95s(9, 10, 11, 10, 10))).isPresent();
	}

	@Test
	void rollingBaselineFindsNothingWhenTheBaselineDoesNotVary() {
		assertThat(this.rules.rollingBaseline(p95(1000), p95s(10, 10, 10, 10, 10))).isEmpty();
	}

	@Test
	void rollingBaselineWarnsStrictlyAboveTwoSigma() {
		assertThat(this.rules.rollingBaseline(p95(12), BASELINE)).isEmpty();
		AnomalyRules.Finding finding = this.rules.rollingBaseline(p95(12.001), BASELINE).orElseThrow();
		assertThat(finding.severity()).isEqualTo("warning");
		assertThat(finding.method()).isEqualTo("rolling_baseline");
		assertThat(finding.metric()).isEqualTo("p95_ms");
		assertThat(finding.baseline()).isEqualTo(10.0);
		assertThat(finding.stddev()).isCloseTo(1.0, within(1e-12));
		assertThat(finding.changePct()).isCloseTo(20.01, within(1e-9));
	}

	@Test
	void rollingBaselineIsCriticalStrictlyAboveThreeSigma() {
		assertThat(this.rules.rollingBaseline(p95(13), BASELINE).orElseThrow().severity()).isEqualTo("warning");
		assertThat(this.rules.rollingBaseline(p95(13.001), BASELINE).orElseThrow().severity()).isEqualTo("critical");
	}

	@Test
	void rollingBaselineIgnoresRunsWithoutLatencySamples() {
		List<AnomalyRules.TopicStats> baseline = new ArrayList<>(p95s(9, 9, 10, 11));
		baseline.add(new AnomalyRules.TopicStats(3, 0, 0, null));
		assertThat(this.rules.rollingBaseline(p95(100), baseline)).isEmpty();
		assertThat(this.rules.rollingBaseline(new AnomalyRules.TopicStats(3, 0, 0, null), BASELINE)).isEmpty();
	}

	@Test
	void budgetViolationWarnsAtTwentyPercentOfHandles() {
		assertThat(this.rules.budgetViolation(new AnomalyRules.TopicStats(100, 100, 19, 5.0))).isEmpty();
		AnomalyRules.Finding finding = this.rules.budgetViolation(new AnomalyRules.TopicStats(100, 80, 20, 5.0))
			.orElseThrow();
		assertThat(finding.severity()).isEqualTo("warning");
		assertThat(finding.metric()).isEqualTo("budget_violation_pct");
		assertThat(finding.current()).isEqualTo(20.0);
		assertThat(finding.baseline()).isEqualTo(20.0);
		assertThat(this.rules.budgetViolation(new AnomalyRules.TopicStats(5, 4, 1, 5.0))).isPresent();
		assertThat(this.rules.budgetViolation(new AnomalyRules.TopicStats(0, 0, 0, null))).isEmpty();
	}

	@Test
	void budgetViolationNeedsNoBaseline() {
		assertThat(this.rules.judge(new AnomalyRules.TopicStats(4, 0, 4, 5.0), List.of()))
			.extracting(AnomalyRules.Finding::method)
			.containsExactly("budget_violation");
	}

	@Test
	void outcomeShiftWarnsWhenThePassRateFallsByMoreThanFivePoints() {
		List<AnomalyRules.TopicStats> allPassing = passRates(100, 100, 100, 100, 100);
		assertThat(this.rules.outcomeShift(passed(95, 100), allPassing)).isEmpty();
		AnomalyRules.Finding finding = this.rules.outcomeShift(passed(94, 100), allPassing).orElseThrow();
		assertThat(finding.method()).isEqualTo("outcome_shift");
		assertThat(finding.metric()).isEqualTo("pass_rate_pct");
		assertThat(finding.current()).isEqualTo(94.0);
		assertThat(finding.baseline()).isEqualTo(100.0);
		assertThat(finding.severity()).isEqualTo("warning");
		assertThat(finding.changePct()).isCloseTo(-6.0, within(1e-9));
	}

	@Test
	void outcomeShiftComparesWithTheMeanPassRateOfEarlierRuns() {
		List<AnomalyRules.TopicStats> mixed = passRates(90, 80, 100, 90, 90);
		assertThat(this.rules.outcomeShift(passed(85, 100), mixed)).isEmpty();
		assertThat(this.rules.outcomeShift(passed(84, 100), mixed)).isPresent();
	}

	@Test
	void outcomeShiftNeedsFiveEarlierRuns() {
		assertThat(this.rules.outcomeShift(passed(0, 100), passRates(100, 100, 100, 100))).isEmpty();
	}

	private static AnomalyRules.TopicStats p95(double p95) {
		return new AnomalyRules.TopicStats(1, 1, 0, p95);
	}

	private static List<AnomalyRules.TopicStats> p95s(double... values) {
		List<AnomalyRules.TopicStats> stats = new ArrayList<>();
		for (double value : values) {
			stats.add(p95(value));
		}
		return stats;
	}

	private static AnomalyRules.TopicStats passed(int passed, int handles) {
		return new AnomalyRules.TopicStats(handles, passed, 0, 5.0);
	}

	private static List<AnomalyRules.TopicStats> passRates(int... percents) {
		List<AnomalyRules.TopicStats> stats = new ArrayList<>();
		for (int percent : percents) {
			stats.add(passed(percent, 100));
		}
		return stats;
	}

}

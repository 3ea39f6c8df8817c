package dev.choreo.chronicle.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.ChronicleProperties;

/**
 * The three anomaly rules, as pure functions of one topic's statistics in the run being
 * judged and in the runs before it (never the run itself: the original counted the judged
 * run in its own baseline, which pulls the baseline towards the outlier it should flag).
 * <ul>
 * <li><b>rolling_baseline</b> ({@code p95_ms}): the run's p95 latency against the mean
 * and sample standard deviation σ of the p95 of the previous {@code baseline-runs} runs;
 * needs {@code min-samples} of them; σ = 0 gives no anomaly; above mean + 2σ is a
 * warning, above mean + 3σ critical (strictly above).</li>
 * <li><b>budget_violation</b> ({@code budget_violation_pct}): 20 % or more of the topic's
 * handles in the run over their budget is a warning; needs no baseline.</li>
 * <li><b>outcome_shift</b> ({@code pass_rate_pct}): the topic's pass rate in the run more
 * than 5 percentage points below the mean pass rate of the previous runs is a warning;
 * needs {@code min-samples} previous runs.</li>
 * </ul>
 *
 * @author Choreo
 */
public final class AnomalyRules {

	private static final double EPSILON = 1e-9;

	private final ChronicleProperties.Anomaly settings;

	/**
	 * Create the rules.
	 * @param settings the thresholds
	 */
	public AnomalyRules(ChronicleProperties.Anomaly settings) {
		this.settings = settings;
	}

	/**
	 * Judge one topic in one run.
	 * @param current the topic's statistics in the run
	 * @param baseline the topic's statistics in previous runs, newest first, the judged
	 * run not among them
	 * @return the anomalies found
	 */
	public List<Finding> judge(TopicStats current, List<TopicStats> baseline) {
		List<Finding> findings = new ArrayList<>();
		rollingBaseline(current, baseline).ifPresent(findings::add);
		budgetViolation(current).ifPresent(findings::add);
		outcomeShift(current, baseline).ifPresent(findings::add);
		return findings;
	}

	Optional<Finding> rollingBaseline(TopicStats current, List<TopicStats> baseline) {
		Double p95 = current.p95Ms();
		List<Double> values = baseline.stream().map(TopicStats::p95Ms).filter((v) -> v != null).map((v) -> v).toList();
		if (p95 == null || values.size() < this.settings.getMinSamples()) {
			return Optional.empty();
		}
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double sigma = Math
			.sqrt(values.stream().mapToDouble((v) -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
		if (sigma == 0) {
			return Optional.empty();
		}
		String severity = (p95 > mean + this.settings.getCriticalSigma() * sigma + EPSILON) ? "critical"
				: (p95 > mean + this.settings.getWarningSigma() * sigma + EPSILON) ? "warning" : null;
		return Optional.ofNullable(severity)
			.map((s) -> new Finding("rolling_baseline", "p95_ms", p95, mean, sigma, changePct(p95, mean), s));
	}

	Optional<Finding> budgetViolation(TopicStats current) {
		if (current.handles() == 0) {
			return Optional.empty();
		}
		double share = 100.0 * current.overBudget() / current.handles();
		if (share + EPSILON < this.settings.getBudgetViolationPct()) {
			return Optional.empty();
		}
		double threshold = this.settings.getBudgetViolationPct();
		return Optional.of(new Finding("budget_violation", "budget_violation_pct", share, threshold, null,
				changePct(share, threshold), "warning"));
	}

	Optional<Finding> outcomeShift(TopicStats current, List<TopicStats> baseline) {
		List<Double> rates = baseline.stream()
			.filter((stats) -> stats.handles() > 0)
			.map(TopicStats::passRatePct)
			.toList();
		if (current.handles() == 0 || rates.size() < this.settings.getMinSamples()) {
			return Optional.empty();
		}
		double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double rate = current.passRatePct();
		double drop = mean - rate;
		double threshold = this.settings.getOutcomeShiftPct();
		if (drop <= threshold + EPSILON) {
			return Optional.empty();
		}
		return Optional
			.of(new Finding("outcome_shift", "pass_rate_pct", rate, mean, null, changePct(rate, mean), "warning"));
	}

	private static @Nullable Double changePct(double current, double baseline) {
		return (baseline == 0) ? null : (current - baseline) / baseline * 100;
	}

	/**
	 * One topic's statistics in one run.
	 *
	 * @param handles handles on the topic
	 * @param passed handles that passed
	 * @param overBudget handles that matched after their budget
	 * @param p95Ms p95 latency of the matched handles, or {@code null} when none matched
	 */
	public record TopicStats(int handles, int passed, int overBudget, @Nullable Double p95Ms) {

		/**
		 * Return the pass rate in percent.
		 * @return the pass rate
		 */
		public double passRatePct() {
			return (this.handles == 0) ? 0 : 100.0 * this.passed / this.handles;
		}

	}

	/**
	 * An anomaly found.
	 *
	 * @param method the rule
	 * @param metric what it measured
	 * @param current the judged run's value
	 * @param baseline the baseline (or threshold) it was compared with
	 * @param stddev the baseline's standard deviation, when the rule uses one
	 * @param changePct the change from the baseline in percent, when defined
	 * @param severity warning or critical
	 */
	public record Finding(String method, String metric, double current, double baseline, @Nullable Double stddev,
			@Nullable Double changePct, String severity) {
	}

}

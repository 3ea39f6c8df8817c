package dev.choreo.chronicle.ingest;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Chronicle keeps of a test-report-v1 report.
 *
 * @param schemaVersion the schema version
 * @param runKey the run key from the body, or {@code null}
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param durationMs its duration
 * @param totals the test totals
 * @param projectName the project, or {@code null}
 * @param branch the git branch, or {@code null}
 * @param commit the git commit, or {@code null}
 * @param environment the environment, or {@code null}
 * @param hostname the host, or {@code null}
 * @param transport the harnesses used, or {@code null}
 * @param scenarios every scenario of every test
 * @author Choreo
 */
public record ParsedReport(String schemaVersion, @Nullable String runKey, Instant startedAt, Instant finishedAt,
		double durationMs, Totals totals, @Nullable String projectName, @Nullable String branch,
		@Nullable String commit, @Nullable String environment, @Nullable String hostname, @Nullable String transport,
		List<Scenario> scenarios) {

	/**
	 * Return the number of handles over all scenarios.
	 * @return the count
	 */
	public int handleCount() {
		return this.scenarios.stream().mapToInt((scenario) -> scenario.handles().size()).sum();
	}

	/**
	 * Test totals.
	 *
	 * @param passed passed tests
	 * @param failed failed tests
	 * @param errored errored tests
	 * @param skipped skipped tests
	 * @param slow slow tests
	 * @param total all tests
	 */
	public record Totals(int passed, int failed, int errored, int skipped, int slow, int total) {
	}

	/**
	 * A scenario.
	 *
	 * @param testNodeid the test it ran in
	 * @param testOutcome the test's outcome
	 * @param name its name
	 * @param correlationId its correlation id, or {@code null}
	 * @param outcome its outcome (pass, fail, timeout, slow, or a newer value)
	 * @param durationMs its duration
	 * @param completedNormally whether it completed normally
	 * @param handles its handles
	 */
	public record Scenario(@Nullable String testNodeid, @Nullable String testOutcome, String name,
			@Nullable String correlationId, String outcome, @Nullable Double durationMs,
			@Nullable Boolean completedNormally, List<Handle> handles) {
	}

	/**
	 * A handle: one expectation on one topic.
	 *
	 * @param topic the topic
	 * @param harness the harness, or {@code null}
	 * @param outcome pass, fail, timeout, slow or pending (or a newer value)
	 * @param latencyMs the latency, or {@code null}
	 * @param budgetMs the budget, or {@code null}
	 * @param overBudget whether it matched after its budget
	 * @param attempts near-misses
	 * @param diagnosisKind the diagnosis kind, or {@code null}
	 * @param matcherDescription the matcher
	 */
	public record Handle(String topic, @Nullable String harness, String outcome, @Nullable Double latencyMs,
			@Nullable Double budgetMs, boolean overBudget, int attempts, @Nullable String diagnosisKind,
			@Nullable String matcherDescription) {

		/**
		 * Return whether a message matched, so the latency is a hop latency (pass or
		 * slow).
		 * @return whether this handle is a latency sample
		 */
		public boolean isSample() {
			return this.latencyMs != null && ("pass".equals(this.outcome) || "slow".equals(this.outcome));
		}

	}

}

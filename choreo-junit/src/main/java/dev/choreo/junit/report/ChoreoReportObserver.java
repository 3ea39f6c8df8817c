package dev.choreo.junit.report;

import dev.choreo.ScenarioObserver;
import dev.choreo.ScenarioResult;
import dev.choreo.ScenarioStarted;

/**
 * The engine side of the report: hands every scenario's result to the test that opened
 * it. Registered as a {@link java.util.ServiceLoader} service; not meant to be used
 * directly. It asks the engine to keep every timeline, so passing scenarios get a
 * waterfall too.
 *
 * @since 0.1.0
 */
public final class ChoreoReportObserver implements ScenarioObserver {

	/**
	 * Create the observer; the engine does this.
	 */
	public ChoreoReportObserver() {
	}

	@Override
	public void scenarioStarted(ScenarioStarted scenario) {
		try {
			ActiveRuns.scenarioStarted(scenario);
		}
		catch (RuntimeException | LinkageError ex) {
			ReportLog.failed("recording a scenario start", ex);
		}
	}

	@Override
	public boolean wantsTimelines() {
		return true;
	}

	@Override
	public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
		try {
			ActiveRuns.scenarioFinished(result);
		}
		catch (RuntimeException | LinkageError ex) {
			ReportLog.failed("recording a scenario result", ex);
		}
	}

}

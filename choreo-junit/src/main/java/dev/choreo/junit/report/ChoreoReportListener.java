package dev.choreo.junit.report;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The JUnit Platform side of the report: records every test of a test plan and writes the
 * report when the plan finishes. Registered as a {@link java.util.ServiceLoader} service,
 * so the report needs no set-up; not meant to be used directly. Nothing it does can
 * change a test's outcome: every failure of the report is logged as a warning and the
 * report is then not written.
 *
 * @since 0.1.0
 */
public final class ChoreoReportListener implements TestExecutionListener {

	private volatile @Nullable ReportRun run;

	private volatile @Nullable Worker worker;

	private volatile boolean broken;

	private volatile @Nullable Path refused;

	/**
	 * Create the listener; the JUnit Platform does this.
	 */
	public ChoreoReportListener() {
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.broken = false;
		this.worker = null;
		this.refused = null;
		try {
			ReportRun started = new ReportRun(testPlan, testPlan.getConfigurationParameters()::get);
			this.run = started;
			ActiveRuns.runStarted(started);
			ReportSettings settings = started.settings();
			ChronicleUpload.configure(chronicle(testPlan));
			if (settings.enabled()) {
				Worker joined = Worker.forDirectory(settings.directory());
				String refusal = joined.planStarted();
				if (refusal != null) {
					this.refused = settings.directory();
					ReportLog.notWritten(refusal);
				}
				else {
					this.worker = joined;
				}
			}
		}
		catch (Exception | LinkageError ex) {
			fail("starting", ex);
		}
	}

	@Override
	public void executionStarted(TestIdentifier testIdentifier) {
		ReportRun current = this.run;
		if (current != null && !this.broken) {
			try {
				current.executionStarted(testIdentifier);
			}
			catch (RuntimeException | LinkageError ex) {
				fail("recording a test start", ex);
			}
		}
	}

	@Override
	public void executionSkipped(TestIdentifier testIdentifier, String reason) {
		ReportRun current = this.run;
		if (current != null && !this.broken) {
			try {
				current.executionSkipped(testIdentifier, reason);
			}
			catch (RuntimeException | LinkageError ex) {
				fail("recording a skipped test", ex);
			}
		}
	}

	@Override
	public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
		ReportRun current = this.run;
		if (current != null && !this.broken) {
			try {
				current.executionFinished(testIdentifier, testExecutionResult);
			}
			catch (RuntimeException | LinkageError ex) {
				fail("recording a test result", ex);
			}
		}
	}

	@Override
	public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
		ReportRun current = this.run;
		if (current != null && !this.broken) {
			try {
				current.reportingEntryPublished(testIdentifier, entry);
			}
			catch (RuntimeException | LinkageError ex) {
				fail("recording test output", ex);
			}
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		ReportRun finished = this.run;
		this.run = null;
		if (finished == null) {
			return;
		}
		try {
			ActiveRuns.runFinished(finished);
			if (!this.broken) {
				write(finished);
			}
		}
		catch (Exception | LinkageError ex) {
			ReportLog.failed("writing the report", ex);
		}
	}

	private void write(ReportRun finished) throws Exception {
		ReportSettings settings = finished.settings();
		Worker joined = this.worker;
		if (!settings.enabled()) {
			if (joined != null) {
				joined.leave();
			}
			return;
		}
		Path directory = settings.directory();
		if (directory.equals(this.refused)) {
			return;
		}
		if (joined == null || !joined.directory().path().equals(directory)) {
			if (joined != null) {
				joined.leave();
			}
			joined = Worker.forDirectory(directory);
		}
		String notWritten = joined.planFinished(finished, settings);
		if (notWritten != null) {
			ReportLog.notWritten(notWritten);
		}
	}

	private static ChronicleSettings chronicle(TestPlan testPlan) {
		try {
			return ChronicleSettings.resolve(testPlan.getConfigurationParameters()::get, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			ReportLog.warn("the report will not be posted to Chronicle: " + ex.getMessage());
			return ChronicleSettings.OFF;
		}
	}

	private void fail(String what, Throwable ex) {
		this.broken = true;
		ReportLog.failed(what + " (the report is off for this test plan)", ex);
	}

}

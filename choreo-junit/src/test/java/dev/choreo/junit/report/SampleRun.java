package dev.choreo.junit.report;

import java.nio.file.Path;
import java.util.Map;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs test classes in a nested JUnit Platform launcher, with the report's listener
 * registered the way a build registers it (as a service), writing to a given directory.
 */
final class SampleRun {

	private SampleRun() {
	}

	static TestExecutionSummary run(Path directory, Class<?>... classes) {
		return run(directory, Map.of(), classes);
	}

	static TestExecutionSummary run(Path directory, Map<String, String> parameters, Class<?>... classes) {
		var builder = request().configurationParameter("choreo.report.dir", directory.toString())
			.configurationParameter("choreo.report.project-name", "sample-shop")
			.configurationParameter("junit.platform.output.capture.stdout", "true")
			.configurationParameter("junit.platform.output.capture.stderr", "true")
			.configurationParameters(parameters);
		for (Class<?> type : classes) {
			builder.selectors(selectClass(type));
		}
		LauncherDiscoveryRequest request = builder.build();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		try (LauncherSession session = LauncherFactory.openSession()) {
			Launcher launcher = session.getLauncher();
			launcher.execute(request, summary);
		}
		return summary.getSummary();
	}

}

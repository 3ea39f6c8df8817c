package dev.choreo.chronicle.samplesuite;

import java.io.PrintWriter;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the tests of one package on the JUnit Platform, the way a build does (listeners
 * registered as services, so the Choreo report writes and posts its run), prints the
 * summary with a last line {@code succeeded=N failed=M}, and exits with 1 when a test
 * failed. It is started in a JVM of its own, on the sample application's test class path,
 * and depends on nothing but the JUnit Platform launcher.
 */
public final class SampleSuiteMain {

	private SampleSuiteMain() {
	}

	public static void main(String[] args) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		try (LauncherSession session = LauncherFactory.openSession()) {
			Launcher launcher = session.getLauncher();
			launcher.execute(request().selectors(selectPackage(args[0])).build(), listener);
		}
		TestExecutionSummary summary = listener.getSummary();
		PrintWriter out = new PrintWriter(System.out, true);
		summary.printTo(out);
		summary.printFailuresTo(out, 20);
		long failed = summary.getTotalFailureCount();
		out.println("succeeded=" + summary.getTestsSucceededCount() + " failed=" + failed);
		out.flush();
		System.exit((failed > 0) ? 1 : 0);
	}

}

package dev.choreo.junit.report;

import java.nio.file.Path;

/**
 * The entry point of a forked JVM in the fork tests: runs one sample class into a report
 * directory, as a Surefire fork would.
 */
final class ForkMain {

	private ForkMain() {
	}

	public static void main(String[] args) throws Exception {
		SampleRun.run(Path.of(args[0]), Class.forName(args[1]));
	}

}

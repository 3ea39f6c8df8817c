package dev.choreo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An observer that records what it is told, optionally only about scenarios with a given
 * name prefix (global observers see every scenario in the JVM).
 */
final class RecordingObserver implements ScenarioObserver {

	final List<ScenarioStarted> started = new CopyOnWriteArrayList<>();

	final List<Finished> finished = new CopyOnWriteArrayList<>();

	private final String prefix;

	RecordingObserver() {
		this("");
	}

	RecordingObserver(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public void scenarioStarted(ScenarioStarted scenario) {
		if (scenario.name().startsWith(this.prefix)) {
			this.started.add(scenario);
		}
	}

	@Override
	public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
		if (result.name().startsWith(this.prefix)) {
			this.finished.add(new Finished(result, completedNormally, Thread.currentThread().getName()));
		}
	}

	record Finished(ScenarioResult result, boolean completedNormally, String thread) {
	}

}

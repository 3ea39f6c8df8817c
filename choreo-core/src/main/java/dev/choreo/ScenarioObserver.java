package dev.choreo;

/**
 * Told when scenarios start and finish: the seam for reports and metrics. Register one on
 * a {@link Harness.Builder#observer(ScenarioObserver) harness}, globally with
 * {@link ScenarioObservers#register(ScenarioObserver)}, or as a
 * {@link java.util.ServiceLoader} service
 * ({@code META-INF/services/dev.choreo.ScenarioObserver}).
 * <p>
 * Observers are called synchronously on the thread that opened or finished the scenario.
 * An observer that throws is logged and ignored: it never changes a test's outcome.
 *
 * @since 0.1.0
 */
public interface ScenarioObserver {

	/**
	 * A scenario was opened.
	 * @param scenario what is known about it so far
	 */
	default void scenarioStarted(ScenarioStarted scenario) {
	}

	/**
	 * Return whether this observer wants the timelines of passing scenarios too (a report
	 * that draws every scenario's waterfall does). By default only failing scenarios, and
	 * those with replies or transport problems, keep their timeline.
	 * @return whether to keep every timeline while this observer is registered
	 */
	default boolean wantsTimelines() {
		return false;
	}

	/**
	 * A scenario finished: {@code awaitAll} returned, or it was closed without one.
	 * @param result the result
	 * @param completedNormally {@code false} when the scenario was closed before
	 * {@code awaitAll} returned, so pending expectations were aborted
	 */
	void scenarioFinished(ScenarioResult result, boolean completedNormally);

}

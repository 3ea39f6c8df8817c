package dev.choreo;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers told about every scenario of every harness in this JVM: those registered
 * here and those found as {@link ServiceLoader} services.
 *
 * @since 0.1.0
 */
public final class ScenarioObservers {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(ScenarioObservers.class);

		private Log() {
		}

	}

	private static final CopyOnWriteArrayList<ScenarioObserver> registered = new CopyOnWriteArrayList<>();

	private static final List<ScenarioObserver> discovered = discover();

	private ScenarioObservers() {
	}

	/**
	 * Register an observer for every scenario. Registering the same observer twice has no
	 * effect.
	 * @param observer the observer
	 */
	public static void register(ScenarioObserver observer) {
		registered.addIfAbsent(observer);
	}

	/**
	 * Unregister an observer. Unregistering one that is not registered does nothing.
	 * @param observer the observer
	 */
	public static void unregister(ScenarioObserver observer) {
		registered.remove(observer);
	}

	static List<ScenarioObserver> all(List<ScenarioObserver> local) {
		if (registered.isEmpty() && local.isEmpty()) {
			return discovered;
		}
		List<ScenarioObserver> all = new ArrayList<>(discovered.size() + registered.size() + local.size());
		all.addAll(discovered);
		for (ScenarioObserver observer : registered) {
			if (!all.contains(observer)) {
				all.add(observer);
			}
		}
		for (ScenarioObserver observer : local) {
			if (!all.contains(observer)) {
				all.add(observer);
			}
		}
		return all;
	}

	static void started(List<ScenarioObserver> observers, ScenarioStarted started) {
		for (ScenarioObserver observer : observers) {
			try {
				observer.scenarioStarted(started);
			}
			catch (Throwable ex) {
				UserCode.rethrowIfFatal(ex);
				warn(observer, ex);
			}
		}
	}

	static void finished(List<ScenarioObserver> observers, ScenarioResult result, boolean completedNormally) {
		for (ScenarioObserver observer : observers) {
			try {
				observer.scenarioFinished(result, completedNormally);
			}
			catch (Throwable ex) {
				UserCode.rethrowIfFatal(ex);
				warn(observer, ex);
			}
		}
	}

	private static void warn(ScenarioObserver observer, Throwable ex) {
		Log.logger.warn("Scenario observer {} raised {}; observer errors are ignored so they never change a test's"
				+ " outcome", observer.getClass().getName(), ex.getClass().getName());
	}

	private static List<ScenarioObserver> discover() {
		List<ScenarioObserver> found = new ArrayList<>();
		try {
			for (ScenarioObserver observer : ServiceLoader.load(ScenarioObserver.class,
					ScenarioObservers.class.getClassLoader())) {
				found.add(observer);
			}
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			Log.logger.warn("Could not load scenario observer services ({}); continuing without them",
					ex.getClass().getName());
		}
		return List.copyOf(found);
	}

}

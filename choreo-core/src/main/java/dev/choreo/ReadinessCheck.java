package dev.choreo;

/**
 * Decides whether a {@link Harness} may be used, and waits for it: runs before a scenario
 * opens on the harness ({@link Harness#scenario(String)}, {@link Stage#scenario(String)}
 * for every connected harness of the stage), before
 * {@link Harness#publish(String, Object)} and before a scenario's {@code expect},
 * {@code on} or {@code publish} on a harness that is not connected. A check may connect
 * the harness, wait for what the scenario depends on, or throw to stop the scenario with
 * a message saying what to do. It runs on the thread that uses the harness, never under
 * an engine lock, and must be cheap once the harness is ready. Integrations install one;
 * most code never needs to.
 *
 * @since 0.1.0
 * @see Harness.Builder#readinessCheck(ReadinessCheck)
 */
@FunctionalInterface
public interface ReadinessCheck {

	/** A check that lets every use through. */
	ReadinessCheck NONE = (harness) -> {
	};

	/**
	 * Make the harness ready for use, or throw.
	 * @param harness the harness about to be used
	 * @throws RuntimeException if the harness cannot be used; the exception reaches the
	 * caller unchanged
	 */
	void awaitReady(Harness harness);

}

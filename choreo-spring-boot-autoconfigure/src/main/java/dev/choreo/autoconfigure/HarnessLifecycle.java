package dev.choreo.autoconfigure;

import dev.choreo.Harness;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Closes every harness when its application context stops and connects it again when the
 * context starts. Spring's test framework stops (pauses) a cached context while other
 * tests use another one, and the broker clients underneath close their connections then;
 * a harness that stayed open would hold subscriptions that no longer exist. Runs in the
 * last phase: harnesses connect after the broker clients have started and close before
 * they stop.
 */
final class HarnessLifecycle implements SmartLifecycle {

	private final ObjectProvider<Harness> harnesses;

	private volatile boolean running;

	HarnessLifecycle(ObjectProvider<Harness> harnesses) {
		this.harnesses = harnesses;
	}

	@Override
	public void start() {
		this.harnesses.orderedStream().forEach(Harness::connect);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.harnesses.orderedStream().forEach(Harness::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}

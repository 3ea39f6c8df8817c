package dev.choreo.autoconfigure;

import java.util.List;

import dev.choreo.Harness;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Closes every harness when its application context stops and connects it again when the
 * context starts. Spring's test framework stops (pauses) a cached context while other
 * tests use another one, and the broker clients underneath close their connections then;
 * a harness that stayed open would hold subscriptions that no longer exist. Runs in the
 * last phase: harnesses connect after the broker clients have started and close before
 * they stop. A broker that cannot be reached does not stop the context (see
 * {@link HarnessReadiness}).
 */
final class HarnessLifecycle implements SmartLifecycle {

	private final ObjectProvider<Harness> harnesses;

	private final HarnessReadiness readiness;

	private volatile boolean running;

	HarnessLifecycle(ObjectProvider<Harness> harnesses, HarnessReadiness readiness) {
		this.harnesses = harnesses;
		this.readiness = readiness;
	}

	@Override
	public void start() {
		List<Harness> harnesses = this.harnesses.orderedStream().toList();
		harnesses.forEach(this.readiness::connect);
		this.readiness.started(harnesses);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.readiness.stopped();
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

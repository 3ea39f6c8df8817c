package dev.choreo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Waits, before the first scenario of a started or restarted application context, until
 * the application's own listeners can receive (Kafka partitions assigned, RabbitMQ
 * consumers active, Spring Cloud Stream bindings running), so that no latency budget pays
 * for the service's start-up. A listener that is still not ready after
 * {@code choreo.await-listeners.timeout} fails the scenario with its name; later
 * scenarios check again without waiting.
 */
final class ListenerReadiness {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final ObjectProvider<ListenerProbe> probes;

	private final Duration timeout;

	private volatile boolean ready;

	private volatile @Nullable String failure;

	ListenerReadiness(ObjectProvider<ListenerProbe> probes, Duration timeout) {
		this.probes = probes;
		this.timeout = timeout;
	}

	/**
	 * Forget what was awaited: the context (re)started and its listeners with it.
	 */
	void reset() {
		this.ready = false;
		this.failure = null;
	}

	/**
	 * Wait until every listener is ready, once per start of the context.
	 * @throws IllegalStateException if a listener is not ready within the timeout
	 */
	void awaitReady() {
		if (this.ready) {
			return;
		}
		synchronized (this) {
			if (this.ready) {
				return;
			}
			String previous = this.failure;
			long deadline = System.nanoTime() + ((previous != null) ? 0 : this.timeout.toNanos());
			List<String> pending = pending();
			while (!pending.isEmpty() && System.nanoTime() - deadline < 0) {
				LockSupport.parkNanos(POLL_NANOS);
				pending = pending();
			}
			if (pending.isEmpty()) {
				this.ready = true;
				this.failure = null;
				return;
			}
			String message = message(pending, this.timeout);
			this.failure = message;
			throw new IllegalStateException(message);
		}
	}

	private List<String> pending() {
		List<String> pending = new ArrayList<>();
		this.probes.orderedStream().forEach((probe) -> pending.addAll(probe.pending()));
		return pending;
	}

	static String message(List<String> pending, Duration timeout) {
		String what = (pending.size() == 1) ? pending.get(0) + " after " + duration(timeout) : pending.size()
				+ " listeners were not ready after " + duration(timeout) + ": " + String.join("; ", pending);
		return what + ". Choreo waits for the application's listeners before the first scenario, so that no"
				+ " latency budget pays for their start. Check that their topics and queues exist and their brokers"
				+ " are reachable, raise choreo.await-listeners.timeout, or set"
				+ " choreo.await-listeners.enabled=false to start scenarios without waiting.";
	}

	static String duration(Duration duration) {
		if (duration.toMillis() % 1000 == 0) {
			return duration.toSeconds() + "s";
		}
		return duration.toMillis() + "ms";
	}

}

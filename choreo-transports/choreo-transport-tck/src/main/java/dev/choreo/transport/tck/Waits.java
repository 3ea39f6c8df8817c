package dev.choreo.transport.tck;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition, checking it every millisecond: the tests' only way to wait for
 * something that has no event to block on.
 */
public final class Waits {

	private Waits() {
	}

	/**
	 * Wait until a condition holds.
	 * @param timeout how long at most
	 * @param condition the condition
	 * @return whether it held before the timeout
	 */
	public static boolean until(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			LockSupport.parkNanos(1_000_000L);
		}
		return true;
	}

}

package dev.choreo.transport.redis;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the transport's daemon threads, named
 * {@code choreo-redis-<transport>-<role>-<n>} so that they can be told apart in thread
 * dumps and leak checks.
 */
final class DaemonThreads implements ThreadFactory {

	private static final AtomicInteger transports = new AtomicInteger();

	private final String prefix;

	private final AtomicInteger count = new AtomicInteger();

	DaemonThreads(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * Return a new prefix for the threads of one transport.
	 * @return the prefix, such as {@code choreo-redis-3-}
	 */
	static String newTransportPrefix() {
		return "choreo-redis-" + transports.incrementAndGet() + "-";
	}

	@Override
	public Thread newThread(Runnable task) {
		Thread thread = new Thread(task, this.prefix + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}

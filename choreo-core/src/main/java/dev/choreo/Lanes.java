package dev.choreo;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a harness runs user code for the messages it delivers: matchers, typed decoding
 * and replies (their builders and publishes). Each scenario gets a {@link Lane} per
 * harness that runs its work in order, one task at a time, on a small pool of daemon
 * threads the harness owns; different scenarios run side by side. So a slow matcher or a
 * reply whose publish blocks holds up only its own scenario, never the transport's
 * delivery thread or another scenario.
 * <p>
 * A transport that delivers on the publishing thread (the in-memory one) gets no pool:
 * its lanes run work at once, on the caller's thread.
 * <p>
 * While a test thread waits for its scenario's results ({@code awaitAll}), work that
 * arrives for an idle lane of that scenario is handed to the waiting thread itself, which
 * runs it and so sees its result without one more thread hand-over: the delivering thread
 * wakes the test thread directly instead of a pool thread that would then wake it. The
 * lane's guarantees hold either way: its work runs in order, one task at a time, and
 * never on the transport's delivery thread.
 */
final class Lanes {

	/**
	 * The logger, made on first use: a harness that has nothing to log does not start the
	 * logging system.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(Lanes.class);

		private Log() {
		}

	}

	static final int THREADS = 8;

	private static final long KEEP_ALIVE_SECONDS = 10;

	private final String harness;

	private final boolean inline;

	private volatile @Nullable ThreadPoolExecutor pool;

	/** The lane of every scenario when work runs at once: it holds no state. */
	private final @Nullable Lane inlineLane;

	Lanes(String harness, boolean inline) {
		this.harness = harness;
		this.inline = inline;
		this.inlineLane = inline ? new Lane() : null;
	}

	/**
	 * Start the pool, as the harness connects.
	 */
	synchronized void start() {
		if (this.inline || this.pool != null) {
			return;
		}
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, "choreo-" + this.harness + "-lane-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		this.pool = executor;
	}

	/**
	 * Stop the pool, as the harness closes: work not started is dropped and blocked work
	 * is interrupted.
	 */
	synchronized void stop() {
		ThreadPoolExecutor executor = this.pool;
		this.pool = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	/**
	 * Return a new lane for one scenario on this harness.
	 */
	Lane lane() {
		Lane shared = this.inlineLane;
		return (shared != null) ? shared : new Lane();
	}

	private void submit(Lane lane) {
		ThreadPoolExecutor executor = this.pool;
		if (executor != null) {
			try {
				executor.execute(lane::drain);
				return;
			}
			catch (RejectedExecutionException ex) {
				Log.logger.debug("Harness '{}' is closing; running the work on the delivering thread", this.harness);
			}
		}
		lane.drain();
	}

	/**
	 * One scenario's work on one harness, in the order it was handed in.
	 */
	final class Lane {

		private static final int NO_WAITER = 0;

		private static final int WAITING = 1;

		private static final int HANDED = 2;

		private final Queue<Runnable> work = new ConcurrentLinkedQueue<>();

		/**
		 * Whether someone drains the lane: a pool thread, or the waiting thread it was
		 * handed to. Whoever sets it drains.
		 */
		private final AtomicBoolean scheduled = new AtomicBoolean();

		/**
		 * Whether a thread waits for this lane's results ({@link #WAITING}), and whether
		 * the lane was handed to it to drain ({@link #HANDED}).
		 */
		private final AtomicInteger waiter = new AtomicInteger(NO_WAITER);

		/** Wakes the waiting thread; set before {@link #waiter} says it waits. */
		private volatile @Nullable Runnable wake;

		private Lane() {
		}

		/**
		 * Return whether work runs at once, on the caller's thread.
		 */
		boolean inline() {
			return Lanes.this.inline;
		}

		/**
		 * Run a task after every task handed in before it.
		 */
		void execute(Runnable task) {
			if (Lanes.this.inline) {
				run(task);
				return;
			}
			this.work.add(task);
			if (this.scheduled.compareAndSet(false, true)) {
				Runnable waiting = this.wake;
				if (waiting != null && this.waiter.compareAndSet(WAITING, HANDED)) {
					waiting.run();
				}
				else {
					submit(this);
				}
			}
		}

		/**
		 * A thread starts waiting for this lane's results: until {@link #stopWaiting()},
		 * work arriving for the idle lane is handed to it, and {@code wake} is run (on
		 * the delivering thread, with no lock held) to wake it.
		 */
		void startWaiting(Runnable wake) {
			if (Lanes.this.inline) {
				return;
			}
			this.wake = wake;
			this.waiter.set(WAITING);
		}

		/**
		 * Return whether work was handed to the waiting thread, which must then
		 * {@link #drainHanded() drain} the lane.
		 */
		boolean handed() {
			return this.waiter.get() == HANDED;
		}

		/**
		 * Run the work handed to the waiting thread, on that thread; the lane stays
		 * handed to it for more.
		 */
		void drainHanded() {
			if (this.waiter.compareAndSet(HANDED, WAITING)) {
				drain();
			}
		}

		/**
		 * The thread stops waiting; from now on the pool drains the lane.
		 * @return whether work was handed to the thread and not run yet: the thread must
		 * then run it with {@link #drainStopped()} (with no lock held), since the lane
		 * stays claimed for it
		 */
		boolean stopWaiting() {
			if (Lanes.this.inline) {
				return false;
			}
			boolean handed = this.waiter.getAndSet(NO_WAITER) == HANDED;
			this.wake = null;
			return handed;
		}

		/**
		 * Run the work handed to a thread that has stopped waiting, on that thread; work
		 * arriving after it goes to the pool.
		 */
		void drainStopped() {
			drain();
		}

		private void drain() {
			while (true) {
				Runnable task;
				while ((task = this.work.poll()) != null) {
					run(task);
				}
				this.scheduled.set(false);
				if (this.work.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
					return;
				}
			}
		}

		private void run(Runnable task) {
			try {
				task.run();
			}
			catch (Throwable ex) {
				UserCode.rethrowIfFatal(ex);
				Log.logger.warn("Work for a scenario on harness '{}' raised {}; the harness carries on",
						Lanes.this.harness, ex.getClass().getName());
			}
		}

	}

}

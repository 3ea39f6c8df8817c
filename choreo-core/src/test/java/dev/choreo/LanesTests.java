package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lane runs a scenario's work in order, one task at a time, on the pool, or on the
 * thread that waits for the scenario when the work arrives while it waits.
 */
class LanesTests {

	private static final Duration GENEROUS = Duration.ofSeconds(30);

	private final Lanes lanes = new Lanes("t", false);

	@AfterEach
	void stop() {
		this.lanes.stop();
	}

	@Test
	void workForALaneNobodyWaitsOnRunsOnThePool() throws InterruptedException {
		this.lanes.start();
		Lanes.Lane lane = this.lanes.lane();
		List<String> threads = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		lane.execute(() -> {
			threads.add(Thread.currentThread().getName());
			done.countDown();
		});
		assertThat(done.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(threads).singleElement().asString().startsWith("choreo-t-lane-");
		assertThat(lane.handed()).isFalse();
	}

	@Test
	void workArrivingWhileAThreadWaitsIsHandedToItAndRunsThereInOrder() {
		this.lanes.start();
		Lanes.Lane lane = this.lanes.lane();
		AtomicInteger wakes = new AtomicInteger();
		List<String> ran = new CopyOnWriteArrayList<>();
		lane.startWaiting(wakes::incrementAndGet);
		lane.execute(() -> ran.add("first on " + Thread.currentThread().getName()));
		lane.execute(() -> ran.add("second on " + Thread.currentThread().getName()));
		assertThat(lane.handed()).isTrue();
		assertThat(wakes).hasValue(1);
		assertThat(ran).isEmpty();
		lane.drainHanded();
		String self = Thread.currentThread().getName();
		assertThat(ran).containsExactly("first on " + self, "second on " + self);
		assertThat(lane.handed()).isFalse();
		lane.execute(() -> ran.add("third on " + Thread.currentThread().getName()));
		assertThat(lane.handed()).isTrue();
		assertThat(wakes).hasValue(2);
		lane.drainHanded();
		assertThat(lane.stopWaiting()).isFalse();
		assertThat(ran).containsExactly("first on " + self, "second on " + self, "third on " + self);
	}

	@Test
	void workHandedToAThreadThatStopsWaitingBeforeRunningItIsRunByThatThreadAndLaterWorkByThePool()
			throws InterruptedException {
		this.lanes.start();
		Lanes.Lane lane = this.lanes.lane();
		List<String> threads = new CopyOnWriteArrayList<>();
		lane.startWaiting(() -> {
		});
		lane.execute(() -> threads.add(Thread.currentThread().getName()));
		assertThat(lane.handed()).isTrue();
		assertThat(lane.stopWaiting()).isTrue();
		assertThat(threads).isEmpty();
		lane.drainStopped();
		assertThat(threads).containsExactly(Thread.currentThread().getName());
		assertThat(lane.handed()).isFalse();
		CountDownLatch done = new CountDownLatch(1);
		lane.execute(() -> {
			threads.add(Thread.currentThread().getName());
			done.countDown();
		});
		assertThat(done.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(threads).hasSize(2).last().asString().startsWith("choreo-t-lane-");
	}

	@Test
	void afterTheThreadStopsWaitingWorkGoesToThePoolAgain() throws InterruptedException {
		this.lanes.start();
		Lanes.Lane lane = this.lanes.lane();
		AtomicInteger wakes = new AtomicInteger();
		lane.startWaiting(wakes::incrementAndGet);
		assertThat(lane.stopWaiting()).isFalse();
		CountDownLatch done = new CountDownLatch(1);
		List<String> threads = new CopyOnWriteArrayList<>();
		lane.execute(() -> {
			threads.add(Thread.currentThread().getName());
			done.countDown();
		});
		assertThat(done.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(threads).singleElement().asString().startsWith("choreo-t-lane-");
		assertThat(wakes).hasValue(0);
	}

	@Test
	void anInlineLaneRunsWorkAtOnceAndIsNeverHanded() {
		Lanes inline = new Lanes("i", true);
		Lanes.Lane lane = inline.lane();
		List<String> ran = new CopyOnWriteArrayList<>();
		lane.startWaiting(() -> ran.add("woken"));
		lane.execute(() -> ran.add("ran"));
		assertThat(ran).containsExactly("ran");
		assertThat(lane.handed()).isFalse();
		assertThat(lane.stopWaiting()).isFalse();
	}

}

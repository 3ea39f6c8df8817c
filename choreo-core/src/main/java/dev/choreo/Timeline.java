package dev.choreo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A ring buffer of the last {@value #CAPACITY} events of a scope. Thread-safe on its own
 * short-held lock, never the scope's: delivery threads, lanes and a client's callbacks
 * record without waiting for anything else. Each entry is timed inside the lock, so the
 * entries keep the order the events happened in.
 */
final class Timeline {

	static final int CAPACITY = 256;

	static final int DETAIL_LIMIT = 120;

	private final long startNanos;

	private final long startEpochNanos;

	private final ArrayDeque<TimelineEntry> entries = new ArrayDeque<>();

	private int dropped;

	Timeline(long startNanos, Instant start) {
		this.startNanos = startNanos;
		this.startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
	}

	synchronized void add(String harness, String topic, TimelineAction action, String detail) {
		long now = System.nanoTime();
		long elapsed = now - this.startNanos;
		long epochNanos = this.startEpochNanos + elapsed;
		Instant wallClock = Instant.ofEpochSecond(epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
		if (this.entries.size() == CAPACITY) {
			this.entries.removeFirst();
			this.dropped++;
		}
		this.entries.addLast(new TimelineEntry(elapsed / 1_000_000.0, wallClock, harness, topic, action, cut(detail)));
	}

	static String cut(String detail) {
		return (detail.length() > DETAIL_LIMIT) ? detail.substring(0, DETAIL_LIMIT - 3) + "..." : detail;
	}

	synchronized List<TimelineEntry> entries() {
		return List.copyOf(this.entries);
	}

	synchronized int dropped() {
		return this.dropped;
	}

	synchronized double lastOffsetMillis() {
		return this.entries.isEmpty() ? 0 : this.entries.getLast().offsetMillis();
	}

}

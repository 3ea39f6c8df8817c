package dev.choreo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The events as recorded: their entries, with the wall-clock time and the cut detail,
	 * are only made when someone reads the timeline, as most are never read.
	 */
	private final ArrayDeque<Event> events = new ArrayDeque<>(8);

	private int dropped;

	Timeline(long startNanos, Instant start) {
		this.startNanos = startNanos;
		this.startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
	}

	synchronized void add(String harness, String topic, TimelineAction action, String detail) {
		long elapsed = System.nanoTime() - this.startNanos;
		if (this.events.size() == CAPACITY) {
			this.events.removeFirst();
			this.dropped++;
		}
		this.events.addLast(new Event(elapsed, harness, topic, action, detail));
	}

	static String cut(String detail) {
		return (detail.length() > DETAIL_LIMIT) ? detail.substring(0, DETAIL_LIMIT - 3) + "..." : detail;
	}

	synchronized List<TimelineEntry> entries() {
		return snapshot().entries();
	}

	/**
	 * Return the events recorded so far, made into entries only when read.
	 */
	synchronized Snapshot snapshot() {
		return new Snapshot(this.startEpochNanos, this.events.toArray(new Event[0]));
	}

	private static double offsetMillis(Event event) {
		return event.elapsedNanos() / 1_000_000.0;
	}

	synchronized int dropped() {
		return this.dropped;
	}

	synchronized double lastOffsetMillis() {
		return this.events.isEmpty() ? 0 : offsetMillis(this.events.getLast());
	}

	/**
	 * The events of a timeline at one moment; the entries are made the first time they
	 * are read.
	 */
	static final class Snapshot {

		static final Snapshot EMPTY = new Snapshot(0, new Event[0]);

		private final long startEpochNanos;

		private final Event[] events;

		private volatile @Nullable List<TimelineEntry> entries;

		private Snapshot(long startEpochNanos, Event[] events) {
			this.startEpochNanos = startEpochNanos;
			this.events = events;
		}

		List<TimelineEntry> entries() {
			List<TimelineEntry> known = this.entries;
			if (known == null) {
				TimelineEntry[] entries = new TimelineEntry[this.events.length];
				for (int i = 0; i < entries.length; i++) {
					entries[i] = entry(this.events[i]);
				}
				known = List.of(entries);
				this.entries = known;
			}
			return known;
		}

		private TimelineEntry entry(Event event) {
			long epochNanos = this.startEpochNanos + event.elapsedNanos();
			Instant wallClock = Instant.ofEpochSecond(epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
			return new TimelineEntry(offsetMillis(event), wallClock, event.harness(), event.topic(), event.action(),
					cut(event.detail()));
		}

	}

	/**
	 * One recorded event, before it becomes a {@link TimelineEntry}.
	 */
	private record Event(long elapsedNanos, String harness, String topic, TimelineAction action, String detail) {

	}

}

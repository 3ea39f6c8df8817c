package dev.choreo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The last surprises of a harness, bounded.
 */
final class SurpriseLog {

	private final int capacity;

	private final ArrayDeque<Surprise> entries = new ArrayDeque<>();

	private long total;

	SurpriseLog(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(String harness, String topic, @Nullable String correlationId, int size, Surprise.Kind kind) {
		this.total++;
		if (this.capacity == 0) {
			return;
		}
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(new Surprise(Instant.now(), harness, topic, correlationId, size, kind));
	}

	synchronized List<Surprise> entries() {
		return List.copyOf(this.entries);
	}

	synchronized long total() {
		return this.total;
	}

}

package dev.choreo.transport.redis;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names of the live threads that Lettuce and the transport start.
 */
final class RedisThreads {

	private RedisThreads() {
	}

	static Set<String> names() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("lettuce-") || name.startsWith("choreo-redis-"))
			.collect(Collectors.toSet());
	}

	static Set<String> newSince(Set<String> before) {
		Set<String> now = names();
		now.removeAll(before);
		return now;
	}

}

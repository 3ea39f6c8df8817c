package dev.choreo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A scope's presence on one harness: the wire correlation id it uses there and the
 * interests it holds there, by topic.
 */
final class Binding {

	private final Scope scope;

	private final String name;

	private final Harness harness;

	private final @Nullable String wireId;

	private final Map<String, List<Interest>> interests = new ConcurrentHashMap<>();

	Binding(Scope scope, String name, Harness harness, @Nullable String wireId) {
		this.scope = scope;
		this.name = name;
		this.harness = harness;
		this.wireId = wireId;
	}

	Scope scope() {
		return this.scope;
	}

	Harness harness() {
		return this.harness;
	}

	String harnessName() {
		return this.name;
	}

	@Nullable String wireId() {
		return this.wireId;
	}

	void add(Interest interest) {
		this.interests.computeIfAbsent(interest.topic(), (topic) -> new CopyOnWriteArrayList<>()).add(interest);
	}

	void remove(Interest interest) {
		List<Interest> list = this.interests.get(interest.topic());
		if (list != null) {
			list.remove(interest);
		}
	}

	/**
	 * Offer a routed message to this binding's interests on the subscribed topic.
	 * @return whether any interest was offered the message
	 */
	boolean deliver(String subscribedTopic, Inbound inbound) {
		List<Interest> list = this.interests.get(subscribedTopic);
		if (list == null || list.isEmpty()) {
			return false;
		}
		for (Interest interest : list) {
			Dispatcher.offer(interest, inbound);
		}
		return true;
	}

}

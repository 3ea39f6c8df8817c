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

	private final Lanes.Lane lane;

	private volatile double downAtMillis = -1;

	private volatile double upAtMillis = -1;

	Binding(Scope scope, String name, Harness harness, @Nullable String wireId) {
		this.scope = scope;
		this.name = name;
		this.harness = harness;
		this.wireId = wireId;
		this.lane = harness.lanes().lane();
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

	Lanes.Lane lane() {
		return this.lane;
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
	 * Hand a routed message to this binding's interests on the subscribed topic, in this
	 * scope's lane.
	 * @return whether any interest will be offered the message
	 */
	boolean deliver(String subscribedTopic, Inbound inbound) {
		List<Interest> list = this.interests.get(subscribedTopic);
		if (list == null || list.isEmpty()) {
			return false;
		}
		if (this.lane.inline()) {
			for (Interest interest : list) {
				Dispatcher.offer(interest, inbound);
			}
			return true;
		}
		this.lane.execute(() -> {
			for (Interest interest : list) {
				Dispatcher.offer(interest, inbound);
			}
		});
		return true;
	}

	/**
	 * Hand a message to one interest, in this scope's lane.
	 */
	void deliver(Interest interest, Inbound inbound) {
		this.lane.execute(() -> Dispatcher.offer(interest, inbound));
	}

	/**
	 * Run other work of this scope on this harness (a reply's publish) in its lane.
	 */
	void execute(Runnable work) {
		this.lane.execute(work);
	}

	/**
	 * Remember that the harness lost its connection while the scope ran, at an offset
	 * from the scope's start.
	 */
	void down(double atMillis) {
		if (this.downAtMillis < 0) {
			this.downAtMillis = atMillis;
		}
		this.upAtMillis = -1;
	}

	/**
	 * Remember that the harness got its connection back.
	 */
	void up(double atMillis) {
		if (this.downAtMillis >= 0) {
			this.upAtMillis = atMillis;
		}
	}

	/**
	 * Return when the harness first lost its connection while the scope ran.
	 * @return the offset in milliseconds, or a negative number if it never did
	 */
	double downAtMillis() {
		return this.downAtMillis;
	}

	/**
	 * Return when the harness was back after its last loss.
	 * @return the offset in milliseconds, or a negative number if it is still down or
	 * never was
	 */
	double upAtMillis() {
		return this.upAtMillis;
	}

}

package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of one connection. The first subscription to a topic makes sure the
 * topic exists and has the consumer loop assign its partitions at their end (found by the
 * admin client, which does not wait behind the consumer's fetch), or at their beginning
 * when the transport just created the topic, since everything in it is then newer than
 * the subscription; later ones share that assignment, and each gets every message. When
 * the last one on a topic unsubscribes, the topic's partitions leave the assignment.
 * <p>
 * The topics with subscriptions are described again after every probe of the cluster
 * watcher: partitions added to a topic are assigned from their beginning, and a topic
 * deleted and created again is read from the beginning of its new partitions, so the
 * messages published to them after the subscription are delivered.
 */
final class Subscriptions {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	private final TopicAdmin topics;

	private final ConsumerLoop loop;

	private final Duration timeout;

	private final Object lock = new Object();

	private final Map<String, TopicState> states = new ConcurrentHashMap<>();

	private boolean closed;

	Subscriptions(TopicAdmin topics, ConsumerLoop loop, Duration timeout) {
		this.topics = topics;
		this.loop = loop;
		this.timeout = timeout;
	}

	CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		TopicState state;
		synchronized (this.lock) {
			if (this.closed) {
				return CompletableFuture.failedFuture(KafkaFailures.closedBeforeLive(topic));
			}
			state = this.states.get(topic);
			if (state == null) {
				state = new TopicState(topic);
				this.states.put(topic, state);
				activate(state);
			}
			state.pending++;
		}
		TopicState joined = state;
		CompletableFuture<Subscription> result = new CompletableFuture<>();
		joined.ready.whenComplete((ignored, failure) -> joined(joined, handler, failure, result));
		return result;
	}

	private void activate(TopicState state) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		state.ready = this.topics.forSubscription(state.topic).thenCompose((info) -> {
			synchronized (this.lock) {
				state.topicId = info.id();
				state.partitions = info.partitions();
			}
			return starts(state.topic, info, deadline).thenCompose(
					(starts) -> this.loop.assign(state.topic, info.partitions(), starts, deadline, this.timeout));
		});
	}

	/**
	 * Where a subscription starts reading the partitions of a topic: at their beginning
	 * when the transport just created the topic, otherwise at their end as the admin
	 * client finds it. If the admin client cannot say, the consumer finds the end itself.
	 */
	private CompletableFuture<Map<TopicPartition, Long>> starts(String topic, TopicAdmin.TopicInfo info,
			long deadline) {
		if (info.created()) {
			Map<TopicPartition, Long> beginnings = new HashMap<>();
			info.partitions().forEach((partition) -> beginnings.put(partition, 0L));
			return CompletableFuture.completedFuture(beginnings);
		}
		return this.topics.endOffsets(info.partitions(), deadline).exceptionally((failure) -> {
			logger.debug("The admin client did not find the end of '{}' ({}); the consumer finds it", topic,
					KafkaFailures.describe(KafkaFailures.unwrap(failure)));
			return Map.of();
		});
	}

	private void joined(TopicState state, InboundHandler handler, @Nullable Throwable failure,
			CompletableFuture<Subscription> result) {
		KafkaSubscription subscription = null;
		synchronized (this.lock) {
			state.pending--;
			if (failure == null && !state.retired) {
				subscription = new KafkaSubscription(state, handler);
				state.handlers.add(subscription);
			}
			else if (state.pending == 0 && state.handlers.isEmpty()) {
				retire(state);
			}
		}
		if (subscription != null) {
			result.complete(subscription);
		}
		else {
			result.completeExceptionally(
					(failure != null) ? failure(state.topic, failure) : KafkaFailures.closedBeforeLive(state.topic));
		}
	}

	private static TransportException failure(String topic, Throwable failure) {
		Throwable cause = KafkaFailures.unwrap(failure);
		return (cause instanceof TransportException transportException) ? transportException : new TransportException(
				"Could not subscribe to Kafka topic '" + topic + "': " + KafkaFailures.describe(cause));
	}

	private void unsubscribe(KafkaSubscription subscription) {
		TopicState state = subscription.state;
		synchronized (this.lock) {
			if (!state.handlers.remove(subscription)) {
				return;
			}
			if (state.handlers.isEmpty() && state.pending == 0) {
				retire(state);
			}
		}
	}

	/**
	 * Forget a topic nobody listens to and drop its partitions. Callers hold the lock.
	 */
	private void retire(TopicState state) {
		if (state.retired) {
			return;
		}
		state.retired = true;
		this.states.remove(state.topic, state);
		List<TopicPartition> partitions = state.partitions;
		if (partitions != null && !this.closed) {
			this.loop.unassign(partitions);
		}
	}

	/**
	 * Hand a record to every subscription of its topic. Runs on the consumer loop. An
	 * {@link Error} a handler throws reaches the loop, which restarts its consumer, but
	 * only after the other subscriptions had the record.
	 */
	void deliver(ConsumerRecord<byte[], byte[]> record) {
		TopicState state = this.states.get(record.topic());
		if (state == null || state.handlers.isEmpty()) {
			return;
		}
		TransportMessage message = KafkaRecords.toMessage(record);
		Error error = null;
		for (KafkaSubscription subscription : state.handlers) {
			try {
				subscription.handler.onMessage(message);
			}
			catch (RuntimeException ex) {
				logger.warn("A handler of Kafka topic '{}' raised {}; delivery goes on", record.topic(),
						ex.getClass().getName());
			}
			catch (Error ex) {
				error = (error != null) ? error : ex;
			}
		}
		if (error != null) {
			throw error;
		}
	}

	/**
	 * Describe the topics with subscriptions again and follow what changed: assign
	 * partitions added since, and re-read a topic that was deleted and created again.
	 * Runs on the cluster watcher's thread.
	 * @param wait how long to wait for the descriptions
	 */
	void refresh(Duration wait) {
		List<String> names = new ArrayList<>();
		for (TopicState state : this.states.values()) {
			if (state.partitions != null && !state.retired) {
				names.add(state.topic);
			}
		}
		if (names.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + wait.toNanos();
		this.topics.describeAll(names).forEach((topic, described) -> refresh(topic, described, deadline));
	}

	private void refresh(String topic, KafkaFuture<TopicDescription> described, long deadline) {
		TopicAdmin.TopicInfo info;
		try {
			info = TopicAdmin.TopicInfo
				.of(described.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
		}
		catch (ExecutionException ex) {
			if (KafkaFailures.unwrap(ex) instanceof UnknownTopicOrPartitionException) {
				missing(topic);
			}
			return;
		}
		catch (TimeoutException ex) {
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		synchronized (this.lock) {
			TopicState state = this.states.get(topic);
			List<TopicPartition> known = (state != null) ? state.partitions : null;
			if (state == null || state.retired || known == null) {
				return;
			}
			follow(state, known, info);
		}
	}

	/**
	 * Follow a change of a topic. Callers hold the lock.
	 */
	private void follow(TopicState state, List<TopicPartition> known, TopicAdmin.TopicInfo info) {
		Uuid id = info.id();
		if (state.topicId != null && id != null && !Objects.equals(state.topicId, id)) {
			logger.warn("Kafka topic '{}' was deleted and created again; its subscriptions read it from the beginning",
					state.topic);
			this.loop.recreated(known, info.partitions());
		}
		else if (info.partitions().size() > known.size()) {
			List<TopicPartition> added = info.partitions().stream().filter((p) -> !known.contains(p)).toList();
			logger.info("Kafka topic '{}' has new partitions {}; reading them from the beginning", state.topic, added);
			this.loop.assignNew(added);
		}
		else {
			state.missing = false;
			return;
		}
		state.missing = false;
		state.topicId = id;
		state.partitions = info.partitions();
	}

	private void missing(String topic) {
		synchronized (this.lock) {
			TopicState state = this.states.get(topic);
			if (state != null && !state.retired && !state.missing) {
				state.missing = true;
				logger.warn("Kafka topic '{}' no longer exists; its subscriptions receive nothing until it is"
						+ " created again", topic);
			}
		}
	}

	/**
	 * Return how many topics have live or pending subscriptions.
	 */
	int topicCount() {
		return this.states.size();
	}

	void close() {
		synchronized (this.lock) {
			this.closed = true;
			for (TopicState state : this.states.values()) {
				state.retired = true;
				state.handlers.clear();
			}
			this.states.clear();
		}
	}

	/**
	 * One topic's assignment and the subscriptions that share it.
	 */
	private static final class TopicState {

		final String topic;

		final List<KafkaSubscription> handlers = new CopyOnWriteArrayList<>();

		CompletableFuture<Void> ready = new CompletableFuture<>();

		volatile @Nullable List<TopicPartition> partitions;

		@Nullable Uuid topicId;

		boolean missing;

		int pending;

		boolean retired;

		TopicState(String topic) {
			this.topic = topic;
		}

	}

	/**
	 * A live subscription.
	 */
	private final class KafkaSubscription implements Subscription {

		final TopicState state;

		final InboundHandler handler;

		KafkaSubscription(TopicState state, InboundHandler handler) {
			this.state = state;
			this.handler = handler;
		}

		@Override
		public String topic() {
			return this.state.topic;
		}

		@Override
		public void unsubscribe() {
			Subscriptions.this.unsubscribe(this);
		}

		@Override
		public String toString() {
			return "KafkaSubscription[topic=" + this.state.topic + "]";
		}

	}

}

package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Finds out about topics, asking only what the principal needs to be allowed: a topic is
 * described first, and created only when it is missing, only for a subscription, and only
 * when the transport creates topics, with the cluster's default partition count and
 * replication factor unless the transport sets them. A publish never creates a topic: it
 * needs the topic to exist, and the topics known to exist are remembered, so only the
 * first publish to a topic waits for a description. A topic just created elsewhere (by
 * the application, or by a test's own admin client) can be unknown to the broker that
 * answers for a moment, so a topic reported missing is described again, with a short
 * back-off, for up to {@link #NEW_TOPIC_GRACE} before it counts as missing.
 */
final class TopicAdmin {

	/**
	 * How long a missing topic is looked for again before a publish (or a subscription
	 * that may not create it) fails.
	 */
	static final Duration NEW_TOPIC_GRACE = Duration.ofSeconds(3);

	private static final long FIRST_RETRY_MILLIS = 25;

	private static final long LONGEST_RETRY_MILLIS = 400;

	private final Admin admin;

	private final boolean createMissing;

	private final Optional<Integer> partitions;

	private final Optional<Short> replication;

	private final Duration timeout;

	private final String servers;

	private final IsolationLevel isolation;

	private final Set<String> existing = ConcurrentHashMap.newKeySet();

	TopicAdmin(Admin admin, KafkaSettings settings, String servers, IsolationLevel isolation) {
		this.admin = admin;
		this.isolation = isolation;
		this.createMissing = settings.createMissingTopics();
		this.partitions = Optional.ofNullable(settings.topicPartitions());
		this.replication = Optional.ofNullable(settings.topicReplication());
		this.timeout = settings.requestTimeout();
		this.servers = servers;
	}

	/**
	 * Describe a topic to subscribe to, creating it when it is missing and the transport
	 * creates topics.
	 * @param topic the topic
	 * @return a future completed with the topic's id and partitions, or exceptionally
	 * with a {@link dev.choreo.transport.TransportException}
	 */
	CompletableFuture<TopicInfo> forSubscription(String topic) {
		CompletableFuture<TopicInfo> result = new CompletableFuture<>();
		(this.createMissing ? describe(topic) : describeSettled(topic)).whenComplete((info, failure) -> {
			if (failure == null) {
				known(topic, result, info);
			}
			else if (KafkaFailures.unwrap(failure) instanceof UnknownTopicOrPartitionException && this.createMissing) {
				create(topic, result);
			}
			else {
				result.completeExceptionally(
						KafkaFailures.topic(topic, this.servers, this.timeout, this.createMissing, failure));
			}
		});
		return result;
	}

	/**
	 * Make sure a topic exists before publishing to it, without creating it.
	 * @param topic the topic
	 * @return a future completed once the topic is known to exist, or exceptionally with
	 * a {@link dev.choreo.transport.TransportException}
	 */
	CompletableFuture<Void> forPublish(String topic) {
		if (this.existing.contains(topic)) {
			return CompletableFuture.completedFuture(null);
		}
		return describeSettled(topic).handle((info, failure) -> {
			if (failure != null) {
				throw KafkaFailures.publishTopic(topic, this.servers, this.timeout, failure);
			}
			this.existing.add(topic);
			return null;
		});
	}

	/**
	 * Ask for the end of partitions, as the consumer sees it (the last stable offset when
	 * it reads committed records only). The admin client asks over its own connection, so
	 * the answer does not wait behind a fetch the consumer has in flight.
	 * @param partitions the partitions
	 * @param deadline the {@link System#nanoTime()} by which to have the answer
	 * @return a future completed with the end offset of every partition
	 */
	CompletableFuture<Map<TopicPartition, Long>> endOffsets(List<TopicPartition> partitions, long deadline) {
		CompletableFuture<Map<TopicPartition, Long>> result = new CompletableFuture<>();
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			int left = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
					java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			this.admin.listOffsets(latest, new ListOffsetsOptions(this.isolation).timeoutMs(left))
				.all()
				.whenComplete((offsets, failure) -> {
					if (failure != null) {
						result.completeExceptionally(failure);
						return;
					}
					Map<TopicPartition, Long> ends = new HashMap<>();
					for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry : offsets
						.entrySet()) {
						ends.put(entry.getKey(), entry.getValue().offset());
					}
					result.complete(ends);
				});
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
		}
		return result;
	}

	/**
	 * Forget that a topic exists, so the next publish describes it again.
	 * @param topic the topic
	 */
	void forget(String topic) {
		this.existing.remove(topic);
	}

	/**
	 * Describe several topics at once, for the watcher.
	 * @param topics the topics
	 * @return a future per topic
	 */
	Map<String, KafkaFuture<TopicDescription>> describeAll(Collection<String> topics) {
		return this.admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs())).topicNameValues();
	}

	/**
	 * Describe a topic, describing it again while the cluster says it does not exist, for
	 * up to {@link #NEW_TOPIC_GRACE}.
	 */
	private CompletableFuture<TopicInfo> describeSettled(String topic) {
		CompletableFuture<TopicInfo> result = new CompletableFuture<>();
		describeSettled(topic, System.nanoTime() + NEW_TOPIC_GRACE.toNanos(), FIRST_RETRY_MILLIS, result);
		return result;
	}

	private void describeSettled(String topic, long deadline, long backoffMillis, CompletableFuture<TopicInfo> result) {
		describe(topic).whenComplete((info, failure) -> {
			if (failure == null) {
				result.complete(info);
				return;
			}
			long left = deadline - System.nanoTime();
			if (!(KafkaFailures.unwrap(failure) instanceof UnknownTopicOrPartitionException) || left <= 0) {
				result.completeExceptionally(failure);
				return;
			}
			long delay = Math.min(backoffMillis, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1);
			CompletableFuture.delayedExecutor(delay, java.util.concurrent.TimeUnit.MILLISECONDS)
				.execute(() -> describeSettled(topic, deadline, Math.min(backoffMillis * 2, LONGEST_RETRY_MILLIS),
						result));
		});
	}

	private CompletableFuture<TopicInfo> describe(String topic) {
		CompletableFuture<TopicInfo> result = new CompletableFuture<>();
		try {
			KafkaFuture<TopicDescription> described = Objects.requireNonNull(
					this.admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs()))
						.topicNameValues()
						.get(topic));
			described.whenComplete((description, failure) -> {
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(TopicInfo.of(description));
				}
			});
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
		}
		return result;
	}

	private void create(String topic, CompletableFuture<TopicInfo> result) {
		NewTopic newTopic = new NewTopic(topic, this.partitions, this.replication)
			.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(ClientConfigs.MAX_MESSAGE_BYTES)));
		CreateTopicsResult created;
		try {
			created = this.admin.createTopics(List.of(newTopic), new CreateTopicsOptions().timeoutMs(timeoutMs()));
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(KafkaFailures.create(topic, this.servers, this.timeout, ex));
			return;
		}
		KafkaFuture.allOf(created.topicId(topic), created.numPartitions(topic)).whenComplete((ignored, failure) -> {
			if (failure == null) {
				known(topic, result, new TopicInfo(now(created.topicId(topic)),
						partitionsOf(topic, now(created.numPartitions(topic))), true));
			}
			else if (KafkaFailures.unwrap(failure) instanceof TopicExistsException) {
				describeSettled(topic).whenComplete((info, again) -> {
					if (again == null) {
						known(topic, result, info);
					}
					else {
						result.completeExceptionally(
								KafkaFailures.topic(topic, this.servers, this.timeout, this.createMissing, again));
					}
				});
			}
			else {
				result.completeExceptionally(KafkaFailures.create(topic, this.servers, this.timeout, failure));
			}
		});
	}

	/**
	 * Return the value of a future that completed normally.
	 */
	private static <T> T now(KafkaFuture<T> done) {
		return done.toCompletionStage().toCompletableFuture().join();
	}

	private void known(String topic, CompletableFuture<TopicInfo> result, TopicInfo info) {
		this.existing.add(topic);
		result.complete(info);
	}

	private static List<TopicPartition> partitionsOf(String topic, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((p) -> new TopicPartition(topic, p)).toList();
	}

	private int timeoutMs() {
		return (int) this.timeout.toMillis();
	}

	/**
	 * What a subscription needs to know of a topic.
	 *
	 * @param id the topic's id, which changes when the topic is deleted and created again
	 * ({@code null} if the cluster did not say)
	 * @param partitions the partitions
	 * @param created whether the transport just created the topic, so that everything in
	 * it is newer than the subscription
	 */
	record TopicInfo(@org.jspecify.annotations.Nullable Uuid id, List<TopicPartition> partitions, boolean created) {

		static TopicInfo of(TopicDescription description) {
			return new TopicInfo(description.topicId(),
					description.partitions()
						.stream()
						.map((partition) -> new TopicPartition(description.name(), partition.partition()))
						.toList(),
					false);
		}

	}

}

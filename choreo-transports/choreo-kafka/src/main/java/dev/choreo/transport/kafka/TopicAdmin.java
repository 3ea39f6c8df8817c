package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure topics exist and finds their partitions: creates a missing topic with one
 * partition and replication factor 1 (when the transport creates topics), describes an
 * existing one. Answers are remembered for the life of the connection.
 */
final class TopicAdmin {

	private final Admin admin;

	private final boolean createMissing;

	private final Duration timeout;

	private final String servers;

	private final Map<String, CompletableFuture<List<TopicPartition>>> known = new ConcurrentHashMap<>();

	TopicAdmin(Admin admin, KafkaSettings settings, String servers) {
		this.admin = admin;
		this.createMissing = settings.createMissingTopics();
		this.timeout = settings.requestTimeout();
		this.servers = servers;
	}

	boolean createsTopics() {
		return this.createMissing;
	}

	/**
	 * Return the partitions of a topic once it exists.
	 * @param topic the topic
	 * @return a future completed with the partitions, or exceptionally with a
	 * {@link dev.choreo.transport.TransportException}
	 */
	CompletableFuture<List<TopicPartition>> partitions(String topic) {
		CompletableFuture<List<TopicPartition>> existing = this.known.get(topic);
		if (existing != null && !existing.isCompletedExceptionally()) {
			return existing;
		}
		CompletableFuture<List<TopicPartition>> fresh = new CompletableFuture<>();
		this.known.put(topic, fresh);
		fresh.whenComplete((partitions, failure) -> {
			if (failure != null) {
				this.known.remove(topic, fresh);
			}
		});
		if (this.createMissing) {
			create(topic, fresh);
		}
		else {
			describe(topic, fresh);
		}
		return fresh;
	}

	/**
	 * Forget what is known about a topic, so the next request looks it up again.
	 * @param topic the topic
	 */
	void forget(String topic) {
		this.known.remove(topic);
	}

	private void create(String topic, CompletableFuture<List<TopicPartition>> result) {
		NewTopic newTopic = new NewTopic(topic, 1, (short) 1)
			.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(ClientConfigs.MAX_MESSAGE_BYTES)));
		KafkaFuture<Void> created;
		try {
			created = this.admin.createTopics(List.of(newTopic), new CreateTopicsOptions().timeoutMs(timeoutMs()))
				.all();
		}
		catch (RuntimeException ex) {
			fail(topic, result, ex);
			return;
		}
		created.whenComplete((ignored, failure) -> {
			if (failure == null) {
				result.complete(List.of(new TopicPartition(topic, 0)));
			}
			else if (KafkaFailures.unwrap(failure) instanceof TopicExistsException) {
				describe(topic, result);
			}
			else {
				fail(topic, result, failure);
			}
		});
	}

	private void describe(String topic, CompletableFuture<List<TopicPartition>> result) {
		KafkaFuture<Map<String, TopicDescription>> described;
		try {
			described = this.admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs()))
				.allTopicNames();
		}
		catch (RuntimeException ex) {
			fail(topic, result, ex);
			return;
		}
		described.whenComplete((descriptions, failure) -> {
			TopicDescription description = (descriptions != null) ? descriptions.get(topic) : null;
			if (failure != null || description == null) {
				fail(topic, result, (failure != null) ? failure : new UnknownTopicOrPartitionException(topic));
				return;
			}
			result.complete(description.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList());
		});
	}

	private void fail(String topic, CompletableFuture<List<TopicPartition>> result, Throwable failure) {
		result
			.completeExceptionally(KafkaFailures.topic(topic, this.servers, this.timeout, this.createMissing, failure));
	}

	private int timeoutMs() {
		return (int) this.timeout.toMillis();
	}

}

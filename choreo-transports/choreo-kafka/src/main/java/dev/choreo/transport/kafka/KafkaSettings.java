package dev.choreo.transport.kafka;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link KafkaTransport} was built with, apart from its client configuration.
 *
 * @param connectTimeout how long connecting may take
 * @param requestTimeout how long a topic creation, an assignment or a publish may take
 * @param createMissingTopics whether to create topics that do not exist for a
 * subscription
 * @param topicPartitions the partition count of created topics, {@code null} for the
 * cluster's default
 * @param topicReplication the replication factor of created topics, {@code null} for the
 * cluster's default
 * @param clientIdPrefix the prefix of the clients' ids
 */
record KafkaSettings(Duration connectTimeout, Duration requestTimeout, boolean createMissingTopics,
		@Nullable Integer topicPartitions, @Nullable Short topicReplication, String clientIdPrefix) {

}

package dev.choreo.transport.kafka;

import java.time.Duration;

/**
 * What a {@link KafkaTransport} was built with, apart from its client configuration.
 *
 * @param connectTimeout how long connecting may take
 * @param requestTimeout how long a topic creation, an assignment or a publish may take
 * @param createMissingTopics whether to create topics that do not exist
 * @param clientIdPrefix the prefix of the clients' ids
 */
record KafkaSettings(Duration connectTimeout, Duration requestTimeout, boolean createMissingTopics,
		String clientIdPrefix) {

}

package dev.choreo.junit;

import java.time.Duration;
import java.util.Map;

import dev.choreo.transport.Transport;
import dev.choreo.transport.kafka.KafkaTransport;

/**
 * Builds the Kafka transport from {@code choreo.kafka.*}. Loaded only when
 * {@code choreo-kafka} is on the class path.
 */
final class KafkaTransports implements Broker.Transports {

	@Override
	public Transport transport(ChoreoSettings settings) {
		KafkaTransport.Builder builder = KafkaTransport
			.builder(String.join(",", settings.list("choreo.kafka.bootstrap-servers")))
			.createMissingTopics(settings.bool("choreo.kafka.create-topics", true))
			.clientIdPrefix(settings.string("choreo.kafka.client-id-prefix", "choreo"))
			.connectTimeout(settings.duration("choreo.kafka.connect-timeout", Duration.ofSeconds(10)));
		Map<String, String> properties = settings.kafkaProperties();
		if (!properties.isEmpty()) {
			builder.clientProperties(properties);
		}
		return builder.build();
	}

}

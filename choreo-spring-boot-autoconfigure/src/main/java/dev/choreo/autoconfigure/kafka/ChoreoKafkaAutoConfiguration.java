package dev.choreo.autoconfigure.kafka;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.kafka.KafkaTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Auto-configuration of the {@code kafkaHarness}. Its producer, its one consumer (which
 * assigns partitions and never joins a consumer group) and its admin client copy the
 * configuration of the application's producer and consumer factories (those Spring Boot
 * builds from {@code spring.kafka.*} and {@link KafkaConnectionDetails}, so service
 * connections work), with byte serializers of their own; the application's beans are
 * never changed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, KafkaTransport.class })
@ConditionalOnProperty(name = "choreo.kafka.enabled", matchIfMissing = true)
public final class ChoreoKafkaAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "kafkaHarness")
	@Conditional(KafkaConfigured.class)
	Harness kafkaHarness(HarnessFactory harnesses, ObjectProvider<ProducerFactory<?, ?>> producerFactory,
			ObjectProvider<ConsumerFactory<?, ?>> consumerFactory, ObjectProvider<KafkaConnectionDetails> details,
			ChoreoProperties properties, Environment environment) {
		ProducerFactory<?, ?> producers = producerFactory.getIfUnique();
		ConsumerFactory<?, ?> consumers = consumerFactory.getIfUnique();
		KafkaTransport.Builder builder;
		if (producers != null && consumers != null) {
			builder = KafkaTransport.builder(producers, consumers);
		}
		else if (producers != null) {
			builder = KafkaTransport.builder(producers);
		}
		else if (consumers != null) {
			builder = KafkaTransport.builder(consumers);
		}
		else {
			builder = KafkaTransport.builder(String.join(",", details.getObject().getBootstrapServers()));
		}
		ChoreoProperties.Kafka kafka = properties.getKafka();
		builder.createMissingTopics(kafka.isCreateTopics()).clientIdPrefix(kafka.getClientIdPrefix());
		Integer partitions = kafka.getTopicPartitions();
		if (partitions != null) {
			builder.topicPartitions(partitions);
		}
		Short replication = kafka.getTopicReplication();
		if (replication != null) {
			builder.topicReplication(replication);
		}
		return harnesses.connect("kafka", builder.build(), configuredBy(environment, details.getIfAvailable()));
	}

	static String configuredBy(Environment environment, @Nullable KafkaConnectionDetails details) {
		if (details != null && !details.getClass().getSimpleName().startsWith("Properties")) {
			return "a service connection (" + details.getClass().getSimpleName() + ")";
		}
		for (String property : new String[] { "spring.kafka.consumer.bootstrap-servers",
				"spring.kafka.producer.bootstrap-servers" }) {
			if (environment.containsProperty(property)) {
				return property;
			}
		}
		return "spring.kafka.bootstrap-servers";
	}

	/**
	 * Kafka is configured when the application has a producer or consumer factory, or
	 * Kafka connection details.
	 */
	static final class KafkaConfigured extends AnyNestedCondition {

		KafkaConfigured() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(ProducerFactory.class)
		static final class HasProducerFactory {

		}

		@ConditionalOnBean(ConsumerFactory.class)
		static final class HasConsumerFactory {

		}

		@ConditionalOnBean(KafkaConnectionDetails.class)
		static final class HasConnectionDetails {

		}

	}

}

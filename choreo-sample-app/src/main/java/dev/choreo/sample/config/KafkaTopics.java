package dev.choreo.sample.config;

import dev.choreo.sample.order.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The Kafka topics of the order flow.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

	@Bean
	NewTopic ordersCreated() {
		return TopicBuilder.name(Topics.ORDERS_CREATED).partitions(1).replicas(1).build();
	}

	@Bean
	NewTopic ordersChecked() {
		return TopicBuilder.name(Topics.ORDERS_CHECKED).partitions(1).replicas(1).build();
	}

	@Bean
	NewTopic shipmentsRequested() {
		return TopicBuilder.name(Topics.SHIPMENTS_REQUESTED).partitions(1).replicas(1).build();
	}

}

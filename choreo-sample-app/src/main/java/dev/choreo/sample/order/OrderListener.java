package dev.choreo.sample.order;

import dev.choreo.sample.order.Messages.OrderCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes new orders off Kafka.
 */
@Component
class OrderListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderListener.class);

	private final JsonMapper json;

	private final OrderProcessor processor;

	OrderListener(JsonMapper json, OrderProcessor processor) {
		this.json = json;
		this.processor = processor;
	}

	@KafkaListener(topics = Topics.ORDERS_CREATED, groupId = "sample-orders")
	void onOrderCreated(String payload) {
		OrderCreated order;
		try {
			order = this.json.readValue(payload, OrderCreated.class);
		}
		catch (JacksonException ex) {
			logger.warn("Dropping an order that is not valid JSON ({})", ex.getClass().getSimpleName());
			return;
		}
		this.processor.process(order);
	}

}

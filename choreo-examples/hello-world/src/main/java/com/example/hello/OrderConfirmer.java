package com.example.hello;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code orders.placed} and answers every order on {@code orders.confirmed}, keyed
 * by the order id. The correlation id of the order is carried over, as a service that
 * takes part in tracing would do.
 */
@Component
class OrderConfirmer {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	OrderConfirmer(KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	@KafkaListener(topics = "orders.placed", groupId = "order-confirmer")
	void onOrderPlaced(String payload) {
		Map<?, ?> order = this.json.readValue(payload, Map.class);
		Map<String, Object> confirmation = new LinkedHashMap<>();
		confirmation.put("orderId", order.get("orderId"));
		confirmation.put("status", "CONFIRMED");
		confirmation.put("items", order.get("items"));
		if (order.containsKey("correlation_id")) {
			confirmation.put("correlation_id", order.get("correlation_id"));
		}
		this.kafka.send("orders.confirmed", String.valueOf(order.get("orderId")),
				this.json.writeValueAsString(confirmation));
	}

}

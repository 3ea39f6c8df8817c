package dev.choreo.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test orders.
 */
final class Orders {

	private Orders() {
	}

	static String newId() {
		return "ORD-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> order(String orderId, int amount) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("orderId", orderId);
		order.put("customerId", "CUST-7");
		order.put("amount", amount);
		order.put("currency", "EUR");
		return order;
	}

	static Map<String, Object> decision(String decision, int score) {
		return Map.of("decision", decision, "score", score);
	}

}

package dev.choreo.sample.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.choreo.sample.history.OrderHistory;
import dev.choreo.sample.order.Messages.OrderCreated;
import dev.choreo.sample.order.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Places orders over HTTP (they continue on Kafka, carrying the request's
 * {@code X-Correlation-Id}, if it has one) and shows their history.
 */
@RestController
class OrderController {

	private final KafkaOperations<String, String> kafka;

	private final OrderHistory history;

	private final JsonMapper json;

	OrderController(KafkaOperations<String, String> kafka, OrderHistory history, JsonMapper json) {
		this.kafka = kafka;
		this.history = history;
		this.json = json;
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> place(@RequestBody NewOrder order,
			@RequestHeader(name = "X-Correlation-Id", required = false) @Nullable String correlationId) {
		String orderId = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
		OrderCreated created = new OrderCreated(orderId, order.customerId(), order.amount(), order.currency(),
				correlationId);
		this.kafka.send(Topics.ORDERS_CREATED, orderId, this.json.writeValueAsString(created));
		return Map.of("orderId", orderId);
	}

	@GetMapping("/orders/{orderId}/history")
	List<String> history(@PathVariable String orderId) {
		return this.history.statuses(orderId);
	}

	/**
	 * An order placed over HTTP.
	 *
	 * @param customerId the customer
	 * @param amount the total
	 * @param currency the currency
	 */
	record NewOrder(String customerId, BigDecimal amount, String currency) {
	}

}

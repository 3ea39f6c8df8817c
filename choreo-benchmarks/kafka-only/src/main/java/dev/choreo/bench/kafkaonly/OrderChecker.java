package dev.choreo.bench.kafkaonly;

import java.util.function.Function;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks an order and publishes the result.
 */
@Component
class OrderChecker {

	private final KafkaTemplate<Object, Object> template;

	private final Function<String, String> normalizeSku;

	OrderChecker(KafkaTemplate<Object, Object> template, Function<String, String> normalizeSku) {
		this.template = template;
		this.normalizeSku = normalizeSku;
	}

	@KafkaListener(topics = "orders.created")
	void onOrder(String sku) {
		this.template.send("orders.checked", this.normalizeSku.apply(sku));
	}

}

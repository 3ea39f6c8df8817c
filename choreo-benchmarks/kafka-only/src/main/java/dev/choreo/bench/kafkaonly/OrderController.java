package dev.choreo.bench.kafkaonly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records an order and publishes it.
 */
@RestController
class OrderController {

	private final KafkaTemplate<Object, Object> template;

	private final JdbcClient jdbc;

	OrderController(KafkaTemplate<Object, Object> template, JdbcClient jdbc) {
		this.template = template;
		this.jdbc = jdbc;
	}

	@PostMapping("/orders")
	void place(@RequestBody String sku) {
		this.jdbc.sql("INSERT INTO orders(sku) VALUES (?)").param(sku).update();
		this.template.send("orders.created", sku);
	}

}

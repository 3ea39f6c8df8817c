package dev.choreo.bench.kafkaonly;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Kafka-only order service of the usual shape: an HTTP endpoint that publishes, a
 * listener that checks and publishes again, a database it writes to, actuator, and a
 * plain {@code Function} bean (not meant for Spring Cloud Stream).
 */
@SpringBootApplication
public class KafkaOnlyApplication {

	public static void main(String[] args) {
		SpringApplication.run(KafkaOnlyApplication.class, args);
	}

	@Bean
	Function<String, String> normalizeSku() {
		return (sku) -> sku.trim().toUpperCase(java.util.Locale.ROOT);
	}

	@RestController
	static class OrderController {

		private final KafkaTemplate<Object, Object> template;

		OrderController(KafkaTemplate<Object, Object> template) {
			this.template = template;
		}

		@PostMapping("/orders")
		void place(@RequestBody String sku) {
			this.template.send("orders.created", sku);
		}

	}

	@Component
	static class OrderChecker {

		private final KafkaTemplate<Object, Object> template;

		private final Function<String, String> normalizeSku;

		private final JdbcClient jdbc;

		OrderChecker(KafkaTemplate<Object, Object> template, Function<String, String> normalizeSku, JdbcClient jdbc) {
			this.template = template;
			this.normalizeSku = normalizeSku;
			this.jdbc = jdbc;
		}

		@KafkaListener(topics = "orders.created")
		void onOrder(String sku) {
			String normalized = this.normalizeSku.apply(sku);
			this.jdbc.sql("INSERT INTO orders(sku) VALUES (?)").param(normalized).update();
			this.template.send("orders.checked", normalized);
		}

	}

}

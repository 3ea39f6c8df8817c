package dev.choreo.bench.kafkaonly;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Kafka-only order service of the usual shape: an HTTP endpoint that records an order
 * in a database and publishes it, a listener that checks it and publishes again,
 * actuator, and a plain {@code Function} bean (not meant for Spring Cloud Stream). The
 * controller and the listener are top-level classes, as component scanning finds them in
 * a service (classes nested in the application class would be registered with it).
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

}

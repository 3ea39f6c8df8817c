package app;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

@SpringBootApplication
public class KafkaApplication {

	public static void main(String[] args) {
		SpringApplication.run(KafkaApplication.class, args);
	}

	// a plain function bean, as many services have; not meant for Spring Cloud Stream
	@Bean
	Function<String, String> normalizeSku() {
		return (sku) -> sku.trim().toUpperCase();
	}

	@Component
	static class OrderListener {

		private final KafkaTemplate<String, String> template;

		private final Function<String, String> normalizeSku;

		OrderListener(KafkaTemplate<String, String> template, Function<String, String> normalizeSku) {
			this.template = template;
			this.normalizeSku = normalizeSku;
		}

		@KafkaListener(topics = "orders.created", groupId = "kafka-app")
		void onOrder(String sku) {
			this.template.send("orders.checked", this.normalizeSku.apply(sku));
		}

	}

}

package dev.choreo.sample.shipping;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import dev.choreo.sample.order.Messages.OrderChecked;
import dev.choreo.sample.order.Messages.ShipmentRequested;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Requests a shipment for every accepted order: a Spring Cloud Stream function from
 * {@code orders.checked} to {@code shipments.requested}.
 */
@Configuration(proxyBeanMethods = false)
public class ShippingFunctions {

	@Bean
	public Function<Message<String>, Message<String>> shipment(JsonMapper json) {
		return (message) -> {
			OrderChecked checked = json.readValue(message.getPayload(), OrderChecked.class);
			if (!"ACCEPTED".equals(checked.status())) {
				return null;
			}
			String priority = (checked.fraudScore() < 10) ? "EXPRESS" : "STANDARD";
			ShipmentRequested shipment = new ShipmentRequested(checked.orderId(), checked.customerId(), priority,
					checked.correlationId());
			return MessageBuilder.withPayload(json.writeValueAsString(shipment))
				.setHeader("kafka_messageKey", checked.orderId().getBytes(StandardCharsets.UTF_8))
				.build();
		};
	}

}

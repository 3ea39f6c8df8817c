package dev.choreo.sample.notify;

import dev.choreo.sample.order.Messages.Notification;
import dev.choreo.sample.order.Messages.OrderCreated;
import dev.choreo.sample.order.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells customers what became of their order, through RabbitMQ.
 */
@Component
public class CustomerNotifier {

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	CustomerNotifier(RabbitTemplate rabbit, JsonMapper json) {
		this.rabbit = rabbit;
		this.json = json;
	}

	/**
	 * Notify the customer of an order's status.
	 * @param order the order
	 * @param status the status
	 */
	public void notify(OrderCreated order, String status) {
		String text = switch (status) {
			case "ACCEPTED" -> "Your order " + order.orderId() + " is confirmed";
			case "REJECTED" -> "Your order " + order.orderId() + " could not be accepted";
			default -> "Your order " + order.orderId() + " is being reviewed";
		};
		Notification notification = new Notification(order.orderId(), order.customerId(), text, order.correlationId());
		this.rabbit.send("amq.topic", Topics.NOTIFICATIONS,
				MessageBuilder.withBody(this.json.writeValueAsBytes(notification))
					.setContentType(MessageProperties.CONTENT_TYPE_JSON)
					.build());
	}

}

package dev.choreo.sample.order;

import dev.choreo.sample.fraud.FraudClient;
import dev.choreo.sample.notify.CustomerNotifier;
import dev.choreo.sample.order.Messages.FraudDecision;
import dev.choreo.sample.order.Messages.OrderChecked;
import dev.choreo.sample.order.Messages.OrderCreated;
import dev.choreo.sample.status.OrderStatusPublisher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Drives an order through every hop: fraud check over NATS, the result on Kafka, a
 * notification on RabbitMQ, the status on Redis.
 */
@Component
public class OrderProcessor {

	private final FraudClient fraud;

	private final KafkaTemplate<String, String> kafka;

	private final CustomerNotifier notifier;

	private final OrderStatusPublisher statuses;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	OrderProcessor(FraudClient fraud, KafkaTemplate<String, String> kafka, CustomerNotifier notifier,
			OrderStatusPublisher statuses, JsonMapper json, ApplicationEventPublisher events) {
		this.fraud = fraud;
		this.kafka = kafka;
		this.notifier = notifier;
		this.statuses = statuses;
		this.json = json;
		this.events = events;
	}

	/**
	 * Process one order.
	 * @param order the order
	 */
	public void process(OrderCreated order) {
		FraudDecision decision = this.fraud.check(order);
		String status = (decision == null) ? "REVIEW" : (decision.approved() ? "ACCEPTED" : "REJECTED");
		int score = (decision != null) ? decision.score() : -1;
		OrderChecked checked = new OrderChecked(order.orderId(), order.customerId(), status, score,
				order.correlationId());
		this.events.publishEvent(new OrderCheckedEvent(checked));
		this.kafka.send(Topics.ORDERS_CHECKED, order.orderId(), this.json.writeValueAsString(checked));
		this.notifier.notify(order, status);
		this.statuses.publish(order.orderId(), status, order.correlationId());
	}

}

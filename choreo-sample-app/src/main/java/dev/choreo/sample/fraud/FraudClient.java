package dev.choreo.sample.fraud;

import java.nio.charset.StandardCharsets;

import dev.choreo.sample.SampleProperties;
import dev.choreo.sample.order.Messages.FraudCheck;
import dev.choreo.sample.order.Messages.FraudDecision;
import dev.choreo.sample.order.Messages.OrderCreated;
import io.nats.client.Connection;
import io.nats.client.Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Asks the fraud service about an order: a NATS request, answered on the request's inbox.
 */
@Component
public class FraudClient {

	private static final Logger logger = LoggerFactory.getLogger(FraudClient.class);

	private final Connection nats;

	private final SampleProperties properties;

	private final JsonMapper json;

	FraudClient(Connection nats, SampleProperties properties, JsonMapper json) {
		this.nats = nats;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Check an order.
	 * @param order the order
	 * @return the decision, or {@code null} when the fraud service did not answer in time
	 */
	public @Nullable FraudDecision check(OrderCreated order) {
		FraudCheck request = new FraudCheck(order.orderId(), order.customerId(), order.amount(), order.correlationId());
		Message reply;
		try {
			reply = this.nats.request(this.properties.fraudSubject(), this.json.writeValueAsBytes(request),
					this.properties.fraudTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		if (reply == null || reply.getData() == null || reply.isStatusMessage()) {
			logger.info("No fraud decision for order {} in time; it goes to review", order.orderId());
			return null;
		}
		try {
			return this.json.readValue(new String(reply.getData(), StandardCharsets.UTF_8), FraudDecision.class);
		}
		catch (JacksonException ex) {
			logger.warn("Unreadable fraud decision for order {}; it goes to review", order.orderId());
			return null;
		}
	}

}

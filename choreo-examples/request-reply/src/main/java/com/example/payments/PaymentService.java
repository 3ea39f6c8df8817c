package com.example.payments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Takes payments from {@code payments.requested}, asks the fraud service on
 * {@code fraud.check} (a NATS request; the answer comes back on the request's inbox) and
 * publishes the payment on {@code payments.approved}, {@code payments.declined}, or
 * {@code payments.held} when the fraud service does not answer in time. The correlation
 * id of the payment travels with the fraud request and the result.
 */
@Component
class PaymentService implements DisposableBean {

	private final Connection nats;

	private final JsonMapper json;

	private final Duration fraudTimeout;

	private final Dispatcher dispatcher;

	PaymentService(Connection nats, JsonMapper json, PaymentsProperties properties) throws Exception {
		this.nats = nats;
		this.json = json;
		this.fraudTimeout = properties.fraudTimeout();
		this.dispatcher = nats.createDispatcher(this::onPaymentRequested);
		this.dispatcher.subscribe("payments.requested", "payment-service");
		nats.flush(Duration.ofSeconds(5));
	}

	private void onPaymentRequested(Message message) throws InterruptedException {
		Map<?, ?> payment = this.json.readValue(message.getData(), Map.class);
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("paymentId", payment.get("paymentId"));
		check.put("amount", payment.get("amount"));
		check.put("correlation_id", payment.get("correlation_id"));
		Message answer = this.nats.request("fraud.check", this.json.writeValueAsBytes(check), this.fraudTimeout);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("paymentId", payment.get("paymentId"));
		result.put("correlation_id", payment.get("correlation_id"));
		String subject;
		if (answer == null || answer.isStatusMessage()) {
			subject = "payments.held";
			result.put("reason", "fraud service did not answer");
		}
		else {
			Map<?, ?> decision = this.json.readValue(answer.getData(), Map.class);
			boolean approved = "APPROVE".equals(decision.get("decision"));
			subject = approved ? "payments.approved" : "payments.declined";
			result.put("reason", decision.get("reason"));
		}
		this.nats.publish(subject, this.json.writeValueAsString(result).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void destroy() {
		this.nats.closeDispatcher(this.dispatcher);
	}

}

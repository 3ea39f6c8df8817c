package dev.choreo.sample.order;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the order flow. Every message carries the correlation id of the order
 * that caused it, so one order's messages can be told from another's.
 */
public final class Messages {

	private Messages() {
	}

	/**
	 * A new order.
	 *
	 * @param orderId the order id
	 * @param customerId the customer
	 * @param amount the order total
	 * @param currency the currency
	 * @param correlationId the correlation id
	 */
	public record OrderCreated(String orderId, String customerId, BigDecimal amount, String currency,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

	/**
	 * A fraud check request, sent to the fraud service over NATS.
	 *
	 * @param orderId the order id
	 * @param customerId the customer
	 * @param amount the order total
	 * @param correlationId the correlation id
	 */
	public record FraudCheck(String orderId, String customerId, BigDecimal amount,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

	/**
	 * The fraud service's answer.
	 *
	 * @param decision {@code APPROVE} or {@code REJECT}
	 * @param score the risk score, 0 to 100
	 */
	public record FraudDecision(String decision, int score) {

		public boolean approved() {
			return "APPROVE".equals(this.decision);
		}

	}

	/**
	 * An order after the fraud check.
	 *
	 * @param orderId the order id
	 * @param customerId the customer
	 * @param status {@code ACCEPTED}, {@code REJECTED} or {@code REVIEW} (no fraud
	 * decision in time)
	 * @param fraudScore the risk score, -1 without a decision
	 * @param correlationId the correlation id
	 */
	public record OrderChecked(String orderId, String customerId, String status, int fraudScore,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

	/**
	 * A notification to the customer.
	 *
	 * @param orderId the order id
	 * @param customerId the customer
	 * @param text what the customer is told
	 * @param correlationId the correlation id
	 */
	public record Notification(String orderId, String customerId, String text,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

	/**
	 * An order's status.
	 *
	 * @param orderId the order id
	 * @param status the status
	 * @param correlationId the correlation id
	 */
	public record OrderStatus(String orderId, String status,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

	/**
	 * A shipment request for an accepted order.
	 *
	 * @param orderId the order id
	 * @param customerId the customer
	 * @param priority {@code EXPRESS} for orders over 1000, otherwise {@code STANDARD}
	 * @param correlationId the correlation id
	 */
	public record ShipmentRequested(String orderId, String customerId, String priority,
			@JsonProperty("correlation_id") @Nullable String correlationId) {
	}

}

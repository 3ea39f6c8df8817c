package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.keyEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order through every hop of the service: Kafka in, a NATS fraud check answered by a
 * fake fraud service the test stages, the result on Kafka, a notification on RabbitMQ,
 * the status on Redis and the shipment requested by the Spring Cloud Stream function.
 */
@OrderServiceTest
class OrderFlowTests {

	@Test
	void acceptsAnApprovedOrderOnEveryHop(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("accepted order")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("APPROVE", 3));
			Handle checked = s.expect("kafka", "orders.checked",
					allOf(containsFields(Map.of("orderId", orderId, "status", "ACCEPTED", "fraudScore", 3)),
							keyEquals(orderId)));
			Handle notified = s.expect("rabbit", "notifications.order",
					containsFields(Map.of("orderId", orderId, "text", "Your order " + orderId + " is confirmed")));
			Handle status = s.expect("redis", "orders:status",
					containsFields(Map.of("orderId", orderId, "status", "ACCEPTED")));
			Handle shipment = s.expect("kafka", "shipments.requested",
					containsFields(Map.of("orderId", orderId, "priority", "EXPRESS")));
			ScenarioResult result = s.publish("kafka", "orders.created", Orders.order(orderId, 120)).awaitAll();
			result.assertPassed();
			assertThat(result.replyAt("fraud.check").matchCount()).isEqualTo(1);
			assertThat(checked.latency()).isPositive();
			assertThat(notified.outcome()).isEqualTo(Outcome.PASS);
			assertThat(status.outcome()).isEqualTo(Outcome.PASS);
			assertThat(shipment.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void rejectsAnOrderTheFraudServiceRefusesAndShipsNothing(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("rejected order")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("REJECT", 97));
			s.expect("kafka", "orders.checked",
					containsFields(Map.of("orderId", orderId, "status", "REJECTED", "fraudScore", gt(90))));
			s.expect("redis", "orders:status", containsFields(Map.of("orderId", orderId, "status", "REJECTED")));
			s.expectNone("kafka", "shipments.requested", fieldEquals("orderId", orderId));
			s.publish("kafka", "orders.created", Orders.order(orderId, 80))
				.awaitAll(Duration.ofSeconds(8))
				.assertPassed();
		}
	}

	@Test
	void sendsAnOrderToReviewWhenTheFraudServiceDoesNotAnswer(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("unanswered fraud check")) {
			s.expect("kafka", "orders.checked", containsFields(Map.of("orderId", orderId, "status", "REVIEW")));
			s.expect("rabbit", "notifications.order",
					containsFields(Map.of("orderId", orderId, "text", "Your order " + orderId + " is being reviewed")));
			s.publish("kafka", "orders.created", Orders.order(orderId, 50)).awaitAll().assertPassed();
		}
	}

}

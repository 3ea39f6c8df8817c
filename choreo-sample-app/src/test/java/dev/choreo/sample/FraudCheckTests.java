package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Stage scenario across Kafka and NATS: the order goes in on Kafka, the fraud check is
 * a NATS request answered by a staged reply, the result comes back on Kafka — with a
 * latency budget.
 */
@OrderServiceTest
class FraudCheckTests {

	@Test
	void answersTheFraudCheckAndMeetsTheLatencyBudget(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("fraud check within budget")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId))
				.respond((request) -> Orders.decision("APPROVE", 12));
			Handle checked = s
				.expect("kafka", "orders.checked", containsFields(Map.of("orderId", orderId, "status", "ACCEPTED")))
				.within(Duration.ofSeconds(5));
			ScenarioResult result = s.publish("kafka", "orders.created", Orders.order(orderId, 300)).awaitAll();
			result.assertPassed();
			assertThat(checked.outcome()).isEqualTo(Outcome.PASS);
			assertThat(checked.latency()).isLessThanOrEqualTo(Duration.ofSeconds(5));
			assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(result.replyAt("fraud.check").replyHarness()).isEqualTo("nats");
		}
	}

	@Test
	void carriesTheRequestToTheFakeFraudService(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("fraud request shape")) {
			Handle request = s.expect("nats", "fraud.check",
					containsFields(Map.of("orderId", orderId, "customerId", "CUST-7", "amount", 450)));
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("APPROVE", 1));
			s.publish("kafka", "orders.created", Orders.order(orderId, 450)).awaitAll().assertPassed();
			assertThat(request.message(Map.class)).containsEntry("correlation_id", s.correlationId());
		}
	}

}

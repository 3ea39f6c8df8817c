package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a broken hop looks like: a wrong expectation fails with near-miss diagnostics that
 * say what did arrive, and a silent hop is told apart from it.
 */
@OrderServiceTest
class DiagnosticsTests {

	@Test
	void aWrongExpectationFailsWithNearMissDiagnostics(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("wrong expectation")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("APPROVE", 3));
			Handle checked = s.expect("kafka", "orders.checked",
					containsFields(Map.of("orderId", orderId, "status", "SHIPPED")));
			ScenarioResult result = s.publish("kafka", "orders.created", Orders.order(orderId, 10))
				.awaitAll(Duration.ofSeconds(8));
			assertThat(checked.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(checked.attempts()).isEqualTo(1);
			assertThat(checked.lastMismatchReason()).isEqualTo("at status: expected \"SHIPPED\", got \"ACCEPTED\"");
			String summary = result.failureSummary();
			assertThat(summary).contains("Scenario 'wrong expectation' failed: 1 of 1 expectation did not pass")
				.contains("[FAIL] orders.checked on kafka")
				.contains("why     : 1 message carrying this scenario's correlation id arrived but failed the matcher;"
						+ " latest mismatch: at status: expected \"SHIPPED\", got \"ACCEPTED\"")
				.contains("payload : {\"orderId\":\"" + orderId + "\"")
				.contains("mismatched")
				.doesNotContain("[TIMEOUT]");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed).withMessage(summary);
		}
	}

	@Test
	void aSilentHopIsReportedAsATimeoutNotANearMiss(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("silent hop")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("APPROVE", 3));
			Handle refunds = s.expect("kafka", "orders.refunded", fieldEquals("orderId", orderId));
			ScenarioResult result = s.publish("kafka", "orders.created", Orders.order(orderId, 10))
				.awaitAll(Duration.ofSeconds(3));
			assertThat(refunds.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(refunds.attempts()).isZero();
			assertThat(result.failureSummary()).contains("[TIMEOUT] orders.refunded on kafka")
				.contains("no matching message arrived on topic 'orders.refunded'");
		}
	}

}

package com.example.payments;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The payment service against a fraud service the test stages: {@code on(...)} waits for
 * the service's NATS request on {@code fraud.check}, {@code respond(...)} answers it on
 * the request's reply subject.
 */
@ChoreoTest
@ProvisionBrokers(Broker.NATS)
@ActiveProfiles("test")
class PaymentServiceTests {

	@Test
	void approvesAPaymentTheFraudServiceApproves(Harness natsHarness) {
		String paymentId = newPaymentId();
		try (Scenario s = natsHarness.scenario("approved payment")) {
			s.on("fraud.check", fieldEquals("paymentId", paymentId)).respond(Map.of("decision", "APPROVE"));
			s.expect("payments.approved", fieldEquals("paymentId", paymentId));
			ScenarioResult result = s.publish("payments.requested", payment(paymentId, 40)).awaitAll();
			result.assertPassed();
			assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.REPLIED);
		}
	}

	@Test
	void declinesAPaymentWithTheFraudServicesReason(Harness natsHarness) {
		String paymentId = newPaymentId();
		try (Scenario s = natsHarness.scenario("declined payment")) {
			// the reply can be built from the request: here it echoes the amount it
			// refused
			s.on("fraud.check", fieldEquals("paymentId", paymentId))
				.respond((request) -> Map.of("decision", "DECLINE", "reason",
						"amount " + ((Map<?, ?>) request).get("amount") + " over the card's limit"));
			s.expect("payments.declined",
					containsFields(Map.of("paymentId", paymentId, "reason", "amount 9000 over the card's limit")));
			s.expectNone("payments.approved", fieldEquals("paymentId", paymentId));
			s.publish("payments.requested", payment(paymentId, 9000)).awaitAll(Duration.ofSeconds(3)).assertPassed();
		}
	}

	@Test
	void aStagedReplyWhoseMatcherNeverMatchesIsNamedInTheFailure(Harness natsHarness) {
		String paymentId = newPaymentId();
		try (Scenario s = natsHarness.scenario("reply never matches")) {
			// a mistake: the service's request says "paymentId", not "payment_id", so
			// this fake never answers
			s.on("fraud.check", fieldEquals("payment_id", paymentId)).respond(Map.of("decision", "APPROVE"));
			Handle approved = s.expect("payments.approved", fieldEquals("paymentId", paymentId));
			Handle held = s.expect("payments.held", fieldEquals("paymentId", paymentId));
			ScenarioResult result = s.publish("payments.requested", payment(paymentId, 40))
				.awaitAll(Duration.ofSeconds(3));

			assertThat(result.passed()).isFalse();
			assertThat(approved.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(held.outcome()).as("the service holds a payment the fraud service does not answer")
				.isEqualTo(Outcome.PASS);
			assertThat(result.replyAt("fraud.check").state()).isEqualTo(ReplyReportState.ARMED_MATCHER_MISMATCHED);
			assertThat(result.failureSummary()).contains("1 of 2 expectations did not pass")
				.contains("[TIMEOUT] payments.approved")
				.contains("Replies:")
				.contains("fraud.check -> ")
				.contains("armed_matcher_mismatched (0 match / 1 candidate)");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(result::assertPassed)
				.withMessage(result.failureSummary());
		}
	}

	private static String newPaymentId() {
		return "PAY-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Map<String, Object> payment(String paymentId, int amount) {
		return Map.of("paymentId", paymentId, "cardHolder", "A. Jones", "amount", amount);
	}

}

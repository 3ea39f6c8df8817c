package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;

/**
 * The Spring Cloud Stream step on its own, through the application's binder: checked
 * orders in, shipment requests out.
 */
@OrderServiceTest
class ShippingFunctionTests {

	@Test
	void requestsAnExpressShipmentForALowRiskAcceptedOrder(Harness streamHarness) {
		String orderId = Orders.newId();
		try (Scenario s = streamHarness.scenario("express shipment")) {
			s.expect("shipments.requested", containsFields(Map.of("orderId", orderId, "priority", "EXPRESS")));
			s.publish("orders.checked", checked(orderId, "ACCEPTED", 3)).awaitAll().assertPassed();
		}
	}

	@Test
	void shipsNothingForARejectedOrder(Harness streamHarness) {
		String orderId = Orders.newId();
		try (Scenario s = streamHarness.scenario("no shipment")) {
			s.expectNone("shipments.requested", fieldEquals("orderId", orderId));
			s.publish("orders.checked", checked(orderId, "REJECTED", 88))
				.awaitAll(Duration.ofSeconds(3))
				.assertPassed();
		}
	}

	/**
	 * A map goes out as {@code application/json} without a {@code contentType} header:
	 * the stream transport tells JSON from text by the bytes.
	 */
	private static Map<String, Object> checked(String orderId, String status, int score) {
		return Map.of("orderId", orderId, "customerId", "CUST-7", "status", status, "fraudScore", score);
	}

}

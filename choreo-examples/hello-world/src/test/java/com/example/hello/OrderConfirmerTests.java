package com.example.hello;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.keyEquals;

@ChoreoTest
@ProvisionBrokers(Broker.KAFKA)
@ActiveProfiles("test")
class OrderConfirmerTests {

	@Test
	void confirmsAPlacedOrder(Harness kafkaHarness) {
		String orderId = "ORD-" + UUID.randomUUID();
		try (Scenario s = kafkaHarness.scenario("order is confirmed")) {
			// 1. expect: subscribed before anything is sent
			s.expect("orders.confirmed",
					allOf(containsFields(Map.of("orderId", orderId, "status", "CONFIRMED")), keyEquals(orderId)));
			// 2. publish the message that starts the flow, 3. wait for every expectation
			s.publish("orders.placed", Map.of("orderId", orderId, "items", List.of("book", "lamp")))
				.awaitAll()
				.assertPassed();
		}
	}

}

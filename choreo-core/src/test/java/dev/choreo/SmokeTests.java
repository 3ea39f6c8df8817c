package dev.choreo;

import java.time.Duration;
import java.util.Map;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.gt;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	@Test
	void runsAScenarioWithAReplyInMemory() {
		try (Harness harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.testNamespace())
			.build()
			.connect(); Scenario s = harness.scenario("smoke")) {
			Handle settled = s.expect("orders.settled", containsFields(Map.of("status", "SETTLED", "qty", gt(0))));
			s.on("orders.created").publish("orders.settled", (trigger) -> Map.of("status", "SETTLED", "qty", 3));
			Handle wrong = s.expect("orders.created", fieldEquals("qty", 4));
			ScenarioResult result = s.publish("orders.created", Map.of("order_id", "ORD-42", "qty", 3))
				.awaitAll(Duration.ofMillis(200));
			assertThat(settled.outcome()).isEqualTo(Outcome.PASS);
			assertThat(wrong.outcome()).isEqualTo(Outcome.FAIL);
			System.out.println(result.failureSummary());
			System.out.println(result.summary());
		}
	}

}

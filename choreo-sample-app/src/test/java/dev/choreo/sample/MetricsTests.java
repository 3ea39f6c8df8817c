package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Stage;
import dev.choreo.StageScenario;
import dev.choreo.autoconfigure.metrics.ChoreoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expectation is recorded in the application's meter registry, with its latency
 * budget as a service-level objective.
 */
@OrderServiceTest
class MetricsTests {

	@Autowired
	private MeterRegistry registry;

	@Test
	void recordsTheLatencyOfEveryHopAgainstItsBudget(Stage stage) {
		String orderId = Orders.newId();
		try (StageScenario s = stage.scenario("metrics")) {
			s.on("nats", "fraud.check", fieldEquals("orderId", orderId)).respond(Orders.decision("APPROVE", 3));
			s.expect("kafka", "orders.checked", containsFields(Map.of("orderId", orderId)))
				.within(Duration.ofSeconds(10));
			s.publish("kafka", "orders.created", Orders.order(orderId, 10)).awaitAll().assertPassed();
		}
		Timer checked = this.registry.get(ChoreoMetrics.LATENCY)
			.tags("harness", "kafka", "topic", "orders.checked", "outcome", "pass", "budget", "10s")
			.timer();
		assertThat(checked.count()).isPositive();
		assertThat(checked.takeSnapshot().histogramCounts()).singleElement()
			.satisfies((bucket) -> assertThat(bucket.count()).isPositive());
		assertThat(
				this.registry.get(ChoreoMetrics.REPLIES).tags("harness", "nats", "state", "replied").counter().count())
			.isPositive();
	}

}

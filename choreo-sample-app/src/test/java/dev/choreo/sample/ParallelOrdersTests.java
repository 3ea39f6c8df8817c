package dev.choreo.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.choreo.ScenarioResult;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.containsFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty orders at once on the same topics and brokers: every scenario sees only its own
 * messages, because each carries its own correlation id through every hop.
 */
@OrderServiceTest
class ParallelOrdersTests {

	@Test
	void twentyScenariosInParallelNeverSeeEachOthersMessages(Stage stage) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(20);
		try {
			List<Callable<ScenarioResult>> scenarios = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				int amount = 100 + i;
				String decision = (i % 2 == 0) ? "APPROVE" : "REJECT";
				String status = (i % 2 == 0) ? "ACCEPTED" : "REJECTED";
				scenarios.add(() -> {
					try (StageScenario s = stage.scenario("parallel order " + amount)) {
						String orderId = Orders.newId();
						s.on("nats", "fraud.check").respond(Orders.decision(decision, amount % 50));
						s.expect("kafka", "orders.checked", containsFields(
								Map.of("orderId", orderId, "status", status, "fraudScore", amount % 50)));
						s.expect("redis", "orders:status",
								containsFields(Map.of("orderId", orderId, "status", status)));
						return s.publish("kafka", "orders.created", Orders.order(orderId, amount)).awaitAll();
					}
				});
			}
			List<ScenarioResult> results = new ArrayList<>();
			for (Future<ScenarioResult> result : executor.invokeAll(scenarios)) {
				results.add(result.get());
			}
			assertThat(results).allSatisfy(ScenarioResult::assertPassed);
			assertThat(results).flatExtracting(ScenarioResult::handles)
				.allSatisfy((handle) -> assertThat(handle.attempts()).as("near-misses of %s", handle).isZero());
			assertThat(results).allSatisfy((result) -> assertThat(result.replyAt("fraud.check").candidateCount())
				.as("fraud checks seen by %s", result.name())
				.isEqualTo(1));
		}
		finally {
			executor.shutdownNow();
		}
	}

}

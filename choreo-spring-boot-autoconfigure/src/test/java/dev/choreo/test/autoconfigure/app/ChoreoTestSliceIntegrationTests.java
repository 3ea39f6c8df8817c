package dev.choreo.test.autoconfigure.app;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChoreoTest @ChoreoTest} on a small application that answers NATS requests.
 */
@ChoreoTest(properties = { "choreo.kafka.enabled=false", "choreo.rabbit.enabled=false", "choreo.redis.enabled=false" })
class ChoreoTestSliceIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Harness natsHarness;

	@BeforeAll
	static void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void loadsTheMessagingComponentsAndLeavesTheOthersOut() {
		assertThat(this.context.getBeansOfType(PriceQuoter.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(InvoiceRenderer.class)).isEmpty();
		assertThat(this.context.getBeansOfType(Harness.class)).containsOnlyKeys("natsHarness");
	}

	@Test
	void injectsAScenarioNamedAfterTheTest(Scenario scenario) {
		assertThat(scenario.name()).isEqualTo("ChoreoTestSliceIntegrationTests.injectsAScenarioNamedAfterTheTest");
		String inbox = "quotes.reply." + UUID.randomUUID();
		Handle quote = scenario.expect(inbox, fieldEquals("price", 42));
		scenario.publish("quotes.request", OutboundMessage.of(Map.of("item", "widget")).withReplyTo(inbox))
			.awaitAll(Duration.ofSeconds(10))
			.assertPassed();
		assertThat(quote.message()).isEqualTo(Map.of("price", 42));
	}

	@Test
	void injectsTheHarnessAndTheStage(Harness harness, Stage stage) {
		assertThat(harness).isSameAs(this.natsHarness);
		assertThat(stage.harness("nats")).isSameAs(harness);
	}

}

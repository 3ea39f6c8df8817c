package dev.choreo.examples.plainjunit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.junit.ChoreoHarness;
import dev.choreo.junit.EnableChoreo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote service tested end to end over NATS with {@code @EnableChoreo}: no Spring
 * context, the broker and the correlation policy come from {@code choreo.yml}, and the
 * harness is connected once for the class and injected into each test.
 */
@ExtendWith(NatsServer.class)
@EnableChoreo
class QuoteServiceTests {

	private static QuoteService service;

	@BeforeAll
	static void startTheService() throws Exception {
		service = QuoteService.start(NatsServer.URL, Duration.ofSeconds(1));
	}

	@AfterAll
	static void stopTheService() throws InterruptedException {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void issuesAQuoteAtTheCatalogPrice(Scenario s) {
		String sku = newSku();
		s.on(QuoteService.CATALOG_PRICE, fieldEquals("sku", sku)).respond(Map.of("unitPrice", 250));
		Handle issued = s.expect(QuoteService.ISSUED, containsFields(Map.of("sku", sku, "qty", 3, "total", 750)));
		ScenarioResult result = s.publish(QuoteService.REQUESTED, Map.of("sku", sku, "qty", 3)).awaitAll();
		result.assertPassed();
		assertThat(issued.outcome()).isEqualTo(Outcome.PASS);
		assertThat(result.replyAt(QuoteService.CATALOG_PRICE).state()).isEqualTo(ReplyReportState.REPLIED);
		assertThat(s.name()).isEqualTo("QuoteServiceTests.issuesAQuoteAtTheCatalogPrice");
	}

	@Test
	void rejectsAQuantityOfZeroWithoutAskingTheCatalog(Scenario s) {
		String sku = newSku();
		s.expect(QuoteService.REJECTED, containsFields(Map.of("sku", sku, "reason", "quantity must be positive")));
		s.expectNone(QuoteService.CATALOG_PRICE, fieldEquals("sku", sku));
		s.expectNone(QuoteService.ISSUED, fieldEquals("sku", sku));
		s.publish(QuoteService.REQUESTED, Map.of("sku", sku, "qty", 0)).awaitAll(Duration.ofSeconds(2)).assertPassed();
	}

	@Test
	void rejectsTheRequestWhenTheCatalogDoesNotAnswer(Scenario s) {
		String sku = newSku();
		Handle asked = s.expect(QuoteService.CATALOG_PRICE, fieldEquals("sku", sku));
		s.expect(QuoteService.REJECTED, containsFields(Map.of("sku", sku, "reason", "the catalog did not answer")));
		s.publish(QuoteService.REQUESTED, Map.of("sku", sku, "qty", 1)).awaitAll().assertPassed();
		Map<?, ?> question = asked.message(Map.class);
		assertThat(question.get("correlation_id")).isEqualTo(s.correlationId());
	}

	@Test
	void keepsConcurrentRequestsApartByCorrelation(@ChoreoHarness("nats") Harness nats) {
		assertThat(nats.isConnected()).isTrue();
		String sku = newSku();
		try (Scenario first = nats.scenario("first customer"); Scenario second = nats.scenario("second customer")) {
			first.on(QuoteService.CATALOG_PRICE, fieldEquals("sku", sku)).respond(Map.of("unitPrice", 10));
			second.on(QuoteService.CATALOG_PRICE, fieldEquals("sku", sku)).respond(Map.of("unitPrice", 20));
			first.expect(QuoteService.ISSUED, containsFields(Map.of("sku", sku, "total", 20)));
			second.expect(QuoteService.ISSUED, containsFields(Map.of("sku", sku, "total", 40)));
			first.publish(QuoteService.REQUESTED, Map.of("sku", sku, "qty", 2));
			second.publish(QuoteService.REQUESTED, Map.of("sku", sku, "qty", 2));
			first.awaitAll().assertPassed();
			second.awaitAll().assertPassed();
			assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
		}
	}

	private static String newSku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
	}

}

package com.example.quotes;

import java.util.Map;
import java.util.UUID;

import dev.choreo.Handle;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight tests that run at the same time (see {@code junit-platform.properties}) and all
 * publish on {@code quotes.requested} and expect on {@code quotes.issued}. Their matchers
 * name only the price, not the quote: the correlation id alone decides which quote
 * belongs to which test, and each test checks that the quote it got is its own.
 */
@ChoreoTest
@ProvisionBrokers(Broker.KAFKA)
@ActiveProfiles("test")
class QuoteServiceTests {

	@Test
	void domesticOneKilo(Scenario s) {
		assertQuote(s, "DE", 1, 620);
	}

	@Test
	void domesticTwoKilos(Scenario s) {
		assertQuote(s, "DE", 2, 740);
	}

	@Test
	void domesticThreeKilos(Scenario s) {
		assertQuote(s, "DE", 3, 860);
	}

	@Test
	void domesticFourKilos(Scenario s) {
		assertQuote(s, "DE", 4, 980);
	}

	@Test
	void internationalOneKilo(Scenario s) {
		assertQuote(s, "FR", 1, 1800);
	}

	@Test
	void internationalTwoKilos(Scenario s) {
		assertQuote(s, "FR", 2, 2100);
	}

	@Test
	void internationalThreeKilos(Scenario s) {
		assertQuote(s, "NL", 3, 2400);
	}

	@Test
	void internationalFourKilos(Scenario s) {
		assertQuote(s, "NL", 4, 2700);
	}

	private static void assertQuote(Scenario s, String country, int weightKg, int priceCents) {
		String quoteId = newQuoteId();
		Handle issued = s.expect("quotes.issued", fieldEquals("priceCents", priceCents));
		s.publish("quotes.requested", request(quoteId, country, weightKg)).awaitAll().assertPassed();
		assertThat(issued.message(Map.class)).containsEntry("quoteId", quoteId);
		assertThat(issued.attempts()).as("other tests' quotes offered to this one").isZero();
	}

	static String newQuoteId() {
		return "Q-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> request(String quoteId, String country, int weightKg) {
		return Map.of("quoteId", quoteId, "country", country, "weightKg", weightKg);
	}

}

package com.example.quotes;

import java.time.Duration;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;

import static com.example.quotes.QuoteServiceTests.newQuoteId;
import static com.example.quotes.QuoteServiceTests.request;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 endpoint drops the correlation id. Its answer carries no id, so Choreo cannot
 * tell which scenario it belongs to and gives it to none: the expectation times out, and
 * the failure says that a message without an id arrived on the topic it waited on.
 */
@ChoreoTest
@ProvisionBrokers(Broker.KAFKA)
@ActiveProfiles("test")
class DroppedIdTests {

	@Test
	void aServiceThatDropsTheCorrelationIdIsNamedInTheFailure(Scenario s) {
		String quoteId = newQuoteId();
		Handle issued = s.expect("quotes.issued.v1", fieldEquals("quoteId", quoteId));
		ScenarioResult result = s.publish("quotes.requested.v1", request(quoteId, "DE", 7))
			.awaitAll(Duration.ofSeconds(5));

		assertThat(result.passed()).isFalse();
		assertThat(issued.outcome()).isEqualTo(Outcome.TIMEOUT);
		assertThat(result.failureSummary()).contains("[TIMEOUT] quotes.issued.v1")
			.contains("without a correlation id arrived on 'quotes.issued.v1' and")
			.contains("ignored: the service may drop the id (field 'correlation_id')");
	}

}

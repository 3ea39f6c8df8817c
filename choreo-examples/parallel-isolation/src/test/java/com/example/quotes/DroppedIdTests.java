package com.example.quotes;

import java.time.Duration;
import java.util.Map;

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
import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 endpoint drops the correlation id. Its answer carries no id, so Choreo offers it
 * to every scenario expecting on {@code quotes.issued.v1}; requiring the id in the
 * matcher turns that into a failure that shows the answer without it.
 */
@ChoreoTest
@ProvisionBrokers(Broker.KAFKA)
@ActiveProfiles("test")
class DroppedIdTests {

	@Test
	void aServiceThatDropsTheCorrelationIdIsNamedInTheFailure(Scenario s) {
		String quoteId = newQuoteId();
		Handle issued = s.expect("quotes.issued.v1",
				allOf(fieldEquals("quoteId", quoteId), fieldExists("correlation_id")));
		ScenarioResult result = s.publish("quotes.requested.v1", request(quoteId, "DE", 7))
			.awaitAll(Duration.ofSeconds(5));

		assertThat(result.passed()).isFalse();
		assertThat(issued.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(issued.lastMismatchPayload()).isEqualTo(Map.of("quoteId", quoteId, "priceCents", 1340));
		assertThat(result.failureSummary()).contains("[FAIL] quotes.issued.v1")
			.contains("1 message matched the correlation but failed the matcher; latest mismatch: ")
			.contains("at correlation_id: no field \"correlation_id\"")
			.contains("payload : {\"quoteId\":\"" + quoteId + "\",\"priceCents\":1340}");
	}

}

package com.example.quotes;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Prices parcels: a request on {@code quotes.requested} is answered on
 * {@code quotes.issued}, carrying the request's correlation id. The first version of the
 * API ({@code quotes.requested.v1} to {@code quotes.issued.v1}) is still served, and it
 * builds its answer from the fields of the v1 contract only, so the correlation id is
 * lost on the way.
 */
@Component
class QuoteService {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	QuoteService(KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	@KafkaListener(topics = "quotes.requested", groupId = "quote-service")
	void onQuoteRequested(String payload) {
		Map<?, ?> request = this.json.readValue(payload, Map.class);
		Map<String, Object> quote = quote(request);
		quote.put("correlation_id", request.get("correlation_id"));
		send("quotes.issued", quote);
	}

	@KafkaListener(topics = "quotes.requested.v1", groupId = "quote-service")
	void onQuoteRequestedV1(String payload) {
		send("quotes.issued.v1", quote(this.json.readValue(payload, Map.class)));
	}

	private static Map<String, Object> quote(Map<?, ?> request) {
		int weightKg = ((Number) request.get("weightKg")).intValue();
		boolean domestic = "DE".equals(request.get("country"));
		Map<String, Object> quote = new LinkedHashMap<>();
		quote.put("quoteId", request.get("quoteId"));
		quote.put("priceCents", domestic ? 500 + 120 * weightKg : 1500 + 300 * weightKg);
		return quote;
	}

	private void send(String topic, Map<String, Object> quote) {
		this.kafka.send(topic, String.valueOf(quote.get("quoteId")), this.json.writeValueAsString(quote));
	}

}

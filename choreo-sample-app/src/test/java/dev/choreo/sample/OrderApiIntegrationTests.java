package dev.choreo.sample;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.choreo.Handle;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application with Choreo: an order placed over HTTP goes through every hop and
 * ends up in the order history. The HTTP request carries the scenario's correlation id in
 * its {@code X-Correlation-Id} header, as a caller propagating its request id would, so
 * every message of the order counts for this scenario only.
 */
@SpringBootTest
@AutoConfigureChoreo
@AutoConfigureMockMvc
@ProvisionBrokers({ Broker.KAFKA, Broker.NATS, Broker.RABBITMQ, Broker.REDIS })
@ActiveProfiles("test")
class OrderApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void anOrderPlacedOverHttpIsCheckedAndRecorded(Stage stage) throws Exception {
		try (StageScenario s = stage.scenario("order over http")) {
			String[] orderId = new String[1];
			s.on("nats", "fraud.check").respond(Orders.decision("APPROVE", 5));
			Handle placed = s.expect("kafka", "orders.created", fieldEquals("customerId", "CUST-HTTP"));
			s.expect("kafka", "orders.checked",
					containsFields(Map.of("customerId", "CUST-HTTP", "status", "ACCEPTED")));
			s.trigger(() -> orderId[0] = place(Objects.requireNonNull(s.correlationId())));
			s.awaitAll(Duration.ofSeconds(20)).assertPassed();
			assertThat(placed.message(Map.class)).containsEntry("orderId", orderId[0]);
			this.mvc.perform(get("/orders/{id}/history", orderId[0]))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0]").value("ACCEPTED"));
		}
	}

	private String place(String correlationId) {
		try {
			String body = this.mvc
				.perform(post("/orders").header("X-Correlation-Id", correlationId)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"customerId\":\"CUST-HTTP\",\"amount\":25,\"currency\":\"EUR\"}"))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			return body.replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

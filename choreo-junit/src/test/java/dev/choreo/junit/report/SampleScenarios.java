package dev.choreo.junit.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.payloadContains;

/**
 * A small suite the report tests run in a nested launcher (it is not a test class of its
 * own: the build does not pick it up). Each test is one kind of record the report must
 * render: a pass (with an expectNone), a near-miss, a silent timeout, a slow match, a
 * reply, hostile payloads, a skip, an error that aborts its scenario, and a secret on
 * stdout.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SampleScenarios {

	static final String HOSTILE_SCRIPT = "<script>alert(1)</script>";

	static final String HOSTILE_IMG = "<img src=x onerror=alert(2)>";

	private static Harness harness;

	private static Harness relaxed;

	@BeforeAll
	static void connect() {
		harness = Harness.builder(InMemoryTransport.create())
			.name("orders-bus")
			.correlation(CorrelationPolicy.testNamespace())
			.build()
			.connect();
		relaxed = Harness.builder(InMemoryTransport.create()).name("audit-bus").slowFails(false).build().connect();
	}

	@AfterAll
	static void close() {
		harness.close();
		relaxed.close();
	}

	@Test
	@Tag("smoke")
	void a1OrderSettles() {
		try (Scenario s = harness.scenario("order settles")) {
			s.expect("orders.settled", containsFields(Map.of("status", "SETTLED", "qty", gt(0))));
			s.expectNone("orders.cancelled", fieldEquals("order_id", "ORD-1")).during(Duration.ofMillis(20));
			s.on("orders.created").publish("orders.settled", (trigger) -> Map.of("status", "SETTLED", "qty", 3));
			s.publish("orders.created", Map.of("order_id", "ORD-1", "qty", 3))
				.awaitAll(Duration.ofSeconds(2))
				.assertPassed();
		}
	}

	@Test
	void a2NearMiss() {
		try (Scenario s = harness.scenario("payment captured")) {
			s.expect("payments.captured", fieldEquals("status", "CAPTURED"));
			ScenarioResult captured = s
				.publish("payments.captured",
						Map.of("status", "PENDING", "amount", 42, "password", "hunter2", "trace.id", "t-1"))
				.awaitAll(Duration.ofMillis(50));
			try (Scenario receipt = relaxed.scenario("receipt printed")) {
				receipt.expect("receipts.printed", payloadContains("PAY-1 settled"));
				receipt.publish("receipts.printed", "receipt PAY-1 pending".getBytes(StandardCharsets.UTF_8))
					.awaitAll(Duration.ofMillis(50));
			}
			captured.assertPassed();
		}
	}

	@Test
	void a3SilentTimeout() {
		try (Scenario s = harness.scenario("shipment booked")) {
			s.expect("shipments.booked");
			s.publish("shipments.requested", Map.of("order_id", "ORD-3"))
				.awaitAll(Duration.ofMillis(30))
				.assertPassed();
		}
	}

	@Test
	void a4SlowAudit() {
		try (Scenario s = relaxed.scenario("audit written")) {
			s.expect("audit.written").within(Duration.ofNanos(1));
			s.publish("audit.written", Map.of("entry", 1)).awaitAll(Duration.ofSeconds(2)).assertPassed();
		}
	}

	@Test
	void a5FraudCheckReply() {
		try (Scenario s = harness.scenario("fraud check replies")) {
			s.expect("fraud.result", fieldEquals("decision", "APPROVE"));
			s.on("fraud.check", fieldEquals("account", "ACME-1"))
				.publish("fraud.result", (trigger) -> Map.of("decision", "APPROVE"));
			s.publish("fraud.check", Map.of("account", "ACME-1")).awaitAll(Duration.ofSeconds(2)).assertPassed();
		}
	}

	@Test
	@DisplayName("hostile <img src=x onerror=alert(3)> payloads")
	void a6HostilePayloads() {
		try (Scenario s = harness.scenario("notes " + HOSTILE_SCRIPT)) {
			s.expect("notes.saved", fieldEquals("note", "plain text"));
			s.publish("notes.saved", Map.of("note", HOSTILE_SCRIPT, "html", HOSTILE_IMG, "close", "</script><b>x</b>"))
				.awaitAll(Duration.ofMillis(50))
				.assertPassed();
		}
	}

	@Test
	void a7NeedsABroker() {
		// aborted on purpose: the report shows an aborted assumption as skipped, with its
		// reason (ReportEndToEndTests checks that text)
		Assumptions.assumeTrue(false, "no broker on this machine");
	}

	@Test
	void a8BrokenFixture() {
		try (Scenario s = harness.scenario("stock reserved")) {
			s.expect("stock.reserved");
			s.publish("stock.requested", Map.of("order_id", "ORD-8"));
			throw new IllegalStateException("fixture could not start");
		}
	}

	@Test
	void a9PrintsASecret() {
		System.out.println("connecting with password=hunter2 to amqp://admin:s3cret@localhost:5672");
	}

}

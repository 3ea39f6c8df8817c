package dev.choreo.chronicle;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared database is emptied at the start of every test class: the second of two
 * classes run in order finds none of the first one's rows, and the shared Chronicle still
 * works after the reset, its event ids continuing.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedDatabaseResetIntegrationTests extends ApiIntegrationTest {

	private static String earlierToken;

	private static String earlierEventId;

	@Autowired
	private JdbcClient jdbc;

	@Nested
	@Order(1)
	class AnEarlierClass {

		@Test
		void leavesATenantARunAndAnEvent() {
			Api api = api();
			String token = api.newTenant(uniqueTenant("earlier"));
			try (SseClient stream = SseClient.open(api, token)) {
				assertThat(
						api.postReport(token, Reports.report().scenario(Reports.slow("audit", 40, 10)).json()).status())
					.isEqualTo(201);
				earlierEventId = stream.nextEvent().id();
			}
			earlierToken = token;
			assertThat(rows("tenants")).isPositive();
			assertThat(rows("runs")).isPositive();
			assertThat(rows("anomalies")).isPositive();
		}

	}

	@Nested
	@Order(2)
	class ALaterClass {

		@Test
		void findsEveryTableEmptyAndChronicleWorking() {
			assertThat(earlierToken).as("the earlier class ran first").isNotNull();
			assertThat(SharedDatabaseReset.tables(SharedDatabaseResetIntegrationTests.this.jdbc))
				.contains("tenants", "tenant_tokens", "runs", "run_reports", "measurements", "topic_latency_hourly",
						"anomalies", "events")
				.allSatisfy((table) -> assertThat(rows(table)).as(table).isZero());
			assertThat(rows("flyway_schema_history")).isPositive();
			Api api = api();
			assertThat(api.get("/api/v1/runs", earlierToken).status()).isEqualTo(401);
			String token = api.newTenant(uniqueTenant("later"));
			long first = api.postReport(token, Reports.report().scenario(Reports.pass("orders", 3)).json())
				.json()
				.path("run_id")
				.asLong();
			try (SseClient resumed = SseClient.open(api, token, "", earlierEventId)) {
				SseClient.Item replayed = resumed.nextEvent();
				assertThat(replayed.json().path("run_id").asLong()).isEqualTo(first);
				assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(earlierEventId));
				long second = api.postReport(token, Reports.report().scenario(Reports.pass("orders", 4)).json())
					.json()
					.path("run_id")
					.asLong();
				assertThat(resumed.nextEvent().json().path("run_id").asLong()).isEqualTo(second);
			}
		}

	}

	private long rows(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}

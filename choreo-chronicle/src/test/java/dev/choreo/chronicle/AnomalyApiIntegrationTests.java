package dev.choreo.chronicle;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Anomalies detected at ingest, GET /api/v1/anomalies and PATCH /anomalies/{id}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnomalyApiIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void judgesARunAgainstEarlierRunsOnly() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("baseline"));
		Instant start = Instant.now().minusSeconds(3600);
		double[] baseline = { 9, 9, 10, 11, 11 };
		for (int i = 0; i < baseline.length; i++) {
			api.postReport(token,
					Reports.report()
						.startedAt(start.plusSeconds(60L * i))
						.scenario(Reports.pass("payments", baseline[i]))
						.json());
		}
		assertThat(api.get("/api/v1/anomalies", token).json()).isEmpty();
		long run = api
			.postReport(token,
					Reports.report().startedAt(start.plusSeconds(600)).scenario(Reports.pass("payments", 13.5)).json())
			.json()
			.path("run_id")
			.asLong();
		JsonNode anomalies = api.get("/api/v1/anomalies", token).json();
		assertThat(anomalies).hasSize(1);
		JsonNode anomaly = anomalies.get(0);
		// with the judged run in its own baseline (the original's way) the mean would be
		// 10.58 and
		// mean + 2σ 13.96, so 13.5 would pass unnoticed
		assertThat(anomaly.path("severity").asString()).isEqualTo("critical");
		assertThat(anomaly.path("method").asString()).isEqualTo("rolling_baseline");
		assertThat(anomaly.path("metric").asString()).isEqualTo("p95_ms");
		assertThat(anomaly.path("run_id").asLong()).isEqualTo(run);
		assertThat(anomaly.path("topic").asString()).isEqualTo("payments");
		assertThat(anomaly.path("current").asDouble()).isEqualTo(13.5);
		assertThat(anomaly.path("baseline").asDouble()).isEqualTo(10.0);
		assertThat(anomaly.path("stddev").asDouble()).isCloseTo(1.0, within(1e-9));
		assertThat(anomaly.path("change_pct").asDouble()).isCloseTo(35.0, within(1e-9));
		assertThat(anomaly.path("resolved").asBoolean()).isFalse();
	}

	@Test
	void flagsBudgetViolationsAndOutcomeShifts() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("rules"));
		Instant start = Instant.now().minusSeconds(3600);
		for (int i = 0; i < 5; i++) {
			api.postReport(token,
					Reports.report()
						.startedAt(start.plusSeconds(60L * i))
						.scenarios(10, Reports.pass("shipments", 10 + i))
						.json());
		}
		api.postReport(token,
				Reports.report()
					.startedAt(start.plusSeconds(600))
					.scenarios(6, Reports.pass("shipments", 12))
					.scenarios(2, Reports.slow("shipments", 12, 5))
					.scenarios(2, Reports.timeout("shipments"))
					.json());
		JsonNode anomalies = api.get("/api/v1/anomalies?topic=shipments", token).json();
		assertThat(anomalies.findValuesAsString("method")).containsExactlyInAnyOrder("budget_violation",
				"outcome_shift");
		JsonNode shift = anomalies.get(0).path("method").asString().equals("outcome_shift") ? anomalies.get(0)
				: anomalies.get(1);
		assertThat(shift.path("current").asDouble()).isEqualTo(60.0);
		assertThat(shift.path("baseline").asDouble()).isEqualTo(100.0);
		assertThat(api.get("/api/v1/anomalies?severity=critical", token).json()).isEmpty();
		assertThat(api.get("/api/v1/anomalies?severity=warning", token).json()).hasSize(2);
		assertThat(api.get("/api/v1/anomalies?topic=other", token).json()).isEmpty();
		assertThat(api.get("/api/v1/anomalies?severity=fatal", token).status()).isEqualTo(422);
	}

	@Test
	void pagesAnomaliesNewestFirst() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("anomalypages"));
		List<Long> newestFirst = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			api.postReport(token, Reports.report().scenario(Reports.slow("audit", 50, 10)).json());
			newestFirst.add(0, api.get("/api/v1/anomalies?limit=1", token).json().get(0).path("id").asLong());
		}
		assertThat(newestFirst).doesNotHaveDuplicates();
		assertThat(ids(api.get("/api/v1/anomalies", token))).containsExactlyElementsOf(newestFirst);
		assertThat(ids(api.get("/api/v1/anomalies?limit=2", token)))
			.containsExactlyElementsOf(newestFirst.subList(0, 2));
		assertThat(ids(api.get("/api/v1/anomalies?limit=1&offset=1", token))).containsExactly(newestFirst.get(1));
		assertThat(ids(api.get("/api/v1/anomalies?limit=2&offset=2", token))).containsExactly(newestFirst.get(2));
		assertThat(ids(api.get("/api/v1/anomalies?offset=3", token))).isEmpty();
	}

	@Test
	void refusesPagingOutsideItsRange() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("anomalyrange"));
		assertThat(api.get("/api/v1/anomalies?limit=0", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/anomalies?limit=501", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/anomalies?limit=500", token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/anomalies?offset=-1", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/anomalies?offset=10001", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/anomalies?offset=10000", token).status()).isEqualTo(200);
	}

	@Test
	void resolvesAndReopensAnAnomalyWithWhoAndWhy() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("resolve"));
		api.postReport(token, Reports.report().scenario(Reports.slow("audit", 50, 10)).json());
		long id = api.get("/api/v1/anomalies", token).json().get(0).path("id").asLong();
		JsonNode resolved = patch(api, token, id, "{\"resolved\":true,\"by\":\"ana\",\"note\":\"budget raised\"}")
			.json();
		assertThat(resolved.path("resolved").asBoolean()).isTrue();
		assertThat(resolved.path("resolved_by").asString()).isEqualTo("ana");
		assertThat(resolved.path("resolution_note").asString()).isEqualTo("budget raised");
		assertThat(resolved.path("resolved_at").isNull()).isFalse();
		assertThat(api.get("/api/v1/anomalies?resolved=true", token).json()).hasSize(1);
		assertThat(api.get("/api/v1/anomalies?resolved=false", token).json()).isEmpty();
		JsonNode reopened = patch(api, token, id, "{\"resolved\":false,\"by\":\"bo\",\"note\":\"came back\"}").json();
		assertThat(reopened.path("resolved").asBoolean()).isFalse();
		assertThat(reopened.path("resolved_at").isNull()).isTrue();
		assertThat(reopened.path("resolved_by").asString()).isEqualTo("bo");
		assertThat(patch(api, token, id, "{\"resolved\":true}").status()).isEqualTo(422);
		assertThat(patch(api, token, 987654321L, "{\"resolved\":true,\"by\":\"x\"}").status()).isEqualTo(404);
	}

	@Test
	void aReadTokenCannotResolve() {
		Api api = api();
		String tenant = uniqueTenant("readresolve");
		String token = api.newTenant(tenant);
		api.postReport(token, Reports.report().scenario(Reports.slow("audit", 50, 10)).json());
		long id = api.get("/api/v1/anomalies", token).json().get(0).path("id").asLong();
		String read = api.newToken(tenant, "read");
		assertThat(api.get("/api/v1/anomalies", read).json()).hasSize(1);
		assertThat(patch(api, read, id, "{\"resolved\":true,\"by\":\"x\"}").status()).isEqualTo(403);
	}

	@Test
	void aFailingDetectionLeavesTheRunStored(CapturedOutput output) {
		Api api = api();
		String tenant = uniqueTenant("failing");
		String token = api.newTenant(tenant);
		long tenantId = this.jdbc.sql("SELECT id FROM tenants WHERE name = ?").param(tenant).query(Long.class).single();
		String trigger = "refuse_" + tenant.replace('-', '_');
		this.jdbc
			.sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.tenant_id = "
					+ tenantId + " THEN RAISE EXCEPTION 'anomaly store is broken'; END IF; RETURN NEW; END $$")
			.update();
		this.jdbc
			.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON anomalies FOR EACH ROW EXECUTE FUNCTION " + trigger
					+ "()")
			.update();
		try {
			Api.Response response = api.postReport(token,
					Reports.report().scenario(Reports.slow("audit", 50, 10)).json());
			assertThat(response.status()).isEqualTo(201);
			long run = response.json().path("run_id").asLong();
			assertThat(api.get("/api/v1/runs/" + run, token).status()).isEqualTo(200);
			assertThat(api.get("/api/v1/anomalies", token).json()).isEmpty();
			assertThat(output.getAll()).contains("Anomaly detection for run " + run + " failed; the run is stored");
		}
		finally {
			this.jdbc.sql("DROP TRIGGER " + trigger + " ON anomalies").update();
			this.jdbc.sql("DROP FUNCTION " + trigger + "()").update();
		}
	}

	private static List<Long> ids(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response.json().valueStream().map((anomaly) -> anomaly.path("id").asLong()).toList();
	}

	static Api.Response patch(Api api, String token, long id, String body) {
		return api.send(api.request("/api/v1/anomalies/" + id, token)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}

package dev.choreo.chronicle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/runs, /runs/{id}, /runs/{id}/raw and /tenants.
 */
class RunsApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void listsRunsNewestFirstWithFiltersAndPaging() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("runs"));
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long oldest = post(api, token,
				Reports.report().startedAt(now.minusSeconds(300)).branch("main").environment("ci"));
		long middle = post(api, token,
				Reports.report().startedAt(now.minusSeconds(200)).branch("feature").environment("ci"));
		long newest = post(api, token,
				Reports.report().startedAt(now.minusSeconds(100)).branch("main").environment("staging"));
		assertThat(ids(api.get("/api/v1/runs", token).json())).containsExactly(newest, middle, oldest);
		assertThat(ids(api.get("/api/v1/runs?branch=main", token).json())).containsExactly(newest, oldest);
		assertThat(ids(api.get("/api/v1/runs?environment=ci", token).json())).containsExactly(middle, oldest);
		assertThat(ids(api.get("/api/v1/runs?limit=1&offset=1", token).json())).containsExactly(middle);
	}

	@Test
	void refusesPagingOutsideItsRange() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("paging"));
		assertThat(api.get("/api/v1/runs?limit=0", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/runs?limit=501", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/runs?limit=500", token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/runs?offset=-1", token).status()).isEqualTo(422);
	}

	@Test
	void showsARunWithItsScenariosAndTopics() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("detail"));
		Api.Response posted = api.postReport(token, Reports.sample());
		long id = posted.json().path("run_id").asLong();
		JsonNode run = api.get("/api/v1/runs/" + id, token).json();
		assertThat(run.path("run").path("id").asLong()).isEqualTo(id);
		assertThat(run.path("run").path("project_name").asString()).isEqualTo("sample-shop");
		assertThat(run.path("run").path("totals").path("total").asInt()).isEqualTo(9);
		assertThat(run.path("run").path("handles").asInt()).isEqualTo(6);
		assertThat(run.path("scenario_list")).hasSize(6);
		assertThat(run.path("topics").toString()).contains("orders.settled").contains("audit.written");
		JsonNode audit = topic(run, "audit.written");
		assertThat(audit.path("slow").asInt()).isEqualTo(1);
		assertThat(audit.path("over_budget").asInt()).isEqualTo(1);
	}

	@Test
	void answers404ForAnUnknownRun() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("missing"));
		Api.Response response = api.get("/api/v1/runs/987654321", token);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/runs/987654321/raw", token).status()).isEqualTo(404);
	}

	@Test
	void returnsTheStoredReportWithMarkupEscaped() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("raw"));
		long id = api.postReport(token, Reports.sample()).json().path("run_id").asLong();
		Api.Response raw = api.get("/api/v1/runs/" + id + "/raw", token);
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.json()).isEqualTo(Api.mapper.readTree(Reports.sample()));
		assertThat(raw.body()).contains("notes \\u003Cscript\\u003E").doesNotContain("<script>");
	}

	@Test
	void listsTheTokensTenantOnlyAndEveryTenantForTheAdmin() {
		Api api = api();
		String tenant = uniqueTenant("tenants");
		String token = api.newTenant(tenant);
		post(api, token, Reports.report());
		JsonNode own = api.get("/api/v1/tenants", token).json();
		assertThat(own).hasSize(1);
		assertThat(own.get(0).path("name").asString()).isEqualTo(tenant);
		assertThat(own.get(0).path("runs").asLong()).isEqualTo(1);
		JsonNode all = api.get("/api/v1/tenants", Api.ADMIN_TOKEN).json();
		assertThat(all.size()).isGreaterThan(1);
		assertThat(all.toString()).contains(tenant);
	}

	@Test
	void letsTheAdminReadATenantNamedByParameter() {
		Api api = api();
		String tenant = uniqueTenant("adminread");
		String token = api.newTenant(tenant);
		long id = post(api, token, Reports.report());
		assertThat(ids(api.get("/api/v1/runs?tenant=" + tenant, Api.ADMIN_TOKEN).json())).containsExactly(id);
		assertThat(api.get("/api/v1/runs", Api.ADMIN_TOKEN).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/runs?tenant=no-such-tenant-x", Api.ADMIN_TOKEN).status()).isEqualTo(404);
	}

	static long post(Api api, String token, Reports.Builder report) {
		Api.Response response = api.postReport(token, report.scenario(Reports.pass("orders", 5)).json());
		assertThat(response.status()).isEqualTo(201);
		return response.json().path("run_id").asLong();
	}

	static java.util.List<Long> ids(JsonNode runs) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		runs.forEach((run) -> ids.add(run.path("id").asLong()));
		return ids;
	}

	private static JsonNode topic(JsonNode run, String name) {
		for (JsonNode topic : run.path("topics")) {
			if (topic.path("topic").asString().equals(name)) {
				return topic;
			}
		}
		throw new AssertionError("no topic " + name);
	}

}

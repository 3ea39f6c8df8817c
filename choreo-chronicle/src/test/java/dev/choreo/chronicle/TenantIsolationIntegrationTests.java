package dev.choreo.chronicle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tenant's token never reads another tenant's runs, topics, latencies, anomalies or
 * events.
 */
class TenantIsolationIntegrationTests extends ApiIntegrationTest {

	private Api api;

	private String tenantA;

	private String tokenA;

	private String tokenB;

	private long runA;

	private long anomalyA;

	@BeforeEach
	void twoTenants() {
		this.api = api();
		this.tenantA = uniqueTenant("alpha");
		this.tokenA = this.api.newTenant(this.tenantA);
		this.tokenB = this.api.newTenant(uniqueTenant("beta"));
		this.runA = this.api
			.postReport(this.tokenA, Reports.report().scenario(Reports.slow("secret.topic", 40, 10)).json())
			.json()
			.path("run_id")
			.asLong();
		this.anomalyA = this.api.get("/api/v1/anomalies", this.tokenA).json().get(0).path("id").asLong();
		this.api.postReport(this.tokenB, Reports.report().scenario(Reports.pass("public.topic", 4)).json());
	}

	@Test
	void runsOfAnotherTenantAreNotListedOrFound() {
		JsonNode runs = this.api.get("/api/v1/runs", this.tokenB).json();
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0).path("id").asLong()).isNotEqualTo(this.runA);
		assertThat(this.api.get("/api/v1/runs/" + this.runA, this.tokenB).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/runs/" + this.runA + "/raw", this.tokenB).status()).isEqualTo(404);
	}

	@Test
	void theTenantParameterCannotNameAnotherTenant() {
		String param = "?tenant=" + this.tenantA;
		for (String path : new String[] { "/api/v1/runs", "/api/v1/runs/" + this.runA,
				"/api/v1/runs/" + this.runA + "/raw", "/api/v1/topics", "/api/v1/topics/secret.topic/latency",
				"/api/v1/topics/secret.topic/runs", "/api/v1/anomalies" }) {
			assertThat(this.api.get(path + param, this.tokenB).status()).as(path).isEqualTo(403);
		}
		try (SseClient stream = SseClient.open(this.api, this.tokenB, param, null)) {
			assertThat(stream.status()).isEqualTo(403);
		}
	}

	@Test
	void topicsOfAnotherTenantAreNotListedOrFound() {
		JsonNode topics = this.api.get("/api/v1/topics", this.tokenB).json();
		assertThat(topics.findValuesAsString("topic")).containsExactly("public.topic");
		assertThat(this.api.get("/api/v1/topics/secret.topic/latency", this.tokenB).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/topics/secret.topic/runs", this.tokenB).status()).isEqualTo(404);
	}

	@Test
	void anomaliesOfAnotherTenantAreNotListedOrChanged() {
		assertThat(this.api.get("/api/v1/anomalies", this.tokenB).json()).isEmpty();
		assertThat(AnomalyApiIntegrationTests
			.patch(this.api, this.tokenB, this.anomalyA, "{\"resolved\":true,\"by\":\"b\"}")
			.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/anomalies?resolved=false", this.tokenA).json()).hasSize(1);
	}

	@Test
	void tenantsListsOnlyTheOwnTenant() {
		JsonNode tenants = this.api.get("/api/v1/tenants", this.tokenB).json();
		assertThat(tenants).hasSize(1);
		assertThat(tenants.toString()).doesNotContain(this.tenantA);
	}

	@Test
	void theStreamCarriesOnlyTheOwnTenantsEvents() {
		try (SseClient stream = SseClient.open(this.api, this.tokenB)) {
			long otherRunA = this.api
				.postReport(this.tokenA, Reports.report().scenario(Reports.slow("secret.topic", 40, 10)).json())
				.json()
				.path("run_id")
				.asLong();
			long runB = this.api
				.postReport(this.tokenB, Reports.report().scenario(Reports.pass("public.topic", 4)).json())
				.json()
				.path("run_id")
				.asLong();
			// events of B's run posted before the stream opened may still arrive first:
			// every event
			// up to B's new run must be B's
			SseClient.Item event = stream.nextEvent();
			while (event.json().path("run_id").asLong() != runB) {
				assertThat(event.data()).doesNotContain("secret.topic");
				assertThat(event.json().path("run_id").asLong()).isNotIn(this.runA, otherRunA);
				assertThat(event.event()).isEqualTo("run.completed");
				event = stream.nextEvent();
			}
			assertThat(event.event()).isEqualTo("run.completed");
		}
	}

	@Test
	void replayCarriesOnlyTheOwnTenantsEvents() {
		try (SseClient stream = SseClient.open(this.api, this.tokenB, "", "0")) {
			SseClient.Item event = stream.nextEvent();
			assertThat(event.data()).doesNotContain("secret.topic");
			assertThat(event.json().path("run_id").asLong()).isNotEqualTo(this.runA);
			long runB = this.api
				.postReport(this.tokenB, Reports.report().scenario(Reports.pass("public.topic", 4)).json())
				.json()
				.path("run_id")
				.asLong();
			assertThat(stream.nextEvent().json().path("run_id").asLong()).isEqualTo(runB);
		}
	}

}

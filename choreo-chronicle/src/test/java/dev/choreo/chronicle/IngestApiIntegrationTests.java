package dev.choreo.chronicle;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/runs (the shared test context limits bodies to 256 KB).
 */
class IngestApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void ingestsTheReportChoreoJunitWrites() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("ingest"));
		Api.Response response = api.postReport(token, Reports.sample());
		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.path("run_id").asLong()).isPositive();
		assertThat(body.path("duplicate").asBoolean()).isFalse();
		assertThat(body.path("scenarios_ingested").asInt()).isEqualTo(6);
		assertThat(body.path("handles_ingested").asInt()).isEqualTo(6);
		assertThat(body.path("warning").isNull()).isTrue();
		assertThat(response.header("Location")).isEqualTo("/api/v1/runs/" + body.path("run_id").asLong());
	}

	@Test
	void refusesAPostWithoutAToken() {
		Api.Response response = api().postReport(null, Reports.sample());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.json().path("detail").asString()).contains("Authorization: Bearer");
	}

	@Test
	void refusesAnUnknownToken() {
		Api.Response response = api().postReport("chr_notatoken", Reports.sample());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("chr_notatoken");
	}

	@Test
	void refusesAReadTokenAndTheAdminToken() {
		Api api = api();
		String tenant = uniqueTenant("readonly");
		api.newTenant(tenant);
		String read = api.newToken(tenant, "read");
		assertThat(api.postReport(read, Reports.sample()).status()).isEqualTo(403);
		assertThat(api.postReport(Api.ADMIN_TOKEN, Reports.sample()).status()).isEqualTo(403);
	}

	@Test
	void lowerCasesTheTenantHeaderAndRefusesAnotherTenant() {
		Api api = api();
		String tenant = uniqueTenant("header");
		String token = api.newTenant(tenant);
		assertThat(api.postReport(token, Reports.sample(), "X-Chronicle-Tenant", tenant.toUpperCase()).status())
			.isEqualTo(201);
		assertThat(api.postReport(token, Reports.sample(), "X-Chronicle-Tenant", "someone-else").status())
			.isEqualTo(403);
	}

	@Test
	void refusesAnInvalidTenantHeaderWith422AndEchoesItAsJsonText() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("badheader"));
		Api.Response response = api.postReport(token, Reports.sample(), "X-Chronicle-Tenant", "<b>-Acme_");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("tenant").asString()).isEqualTo("<b>-Acme_");
		assertThat(response.body()).doesNotContain("<b>");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void listsSchemaViolationsIn422() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("schema"));
		ObjectNode report = Reports.sampleNode();
		((ObjectNode) report.get("run")).remove("started_at");
		((ObjectNode) report.get("run").get("totals")).put("passed", -1);
		Api.Response response = api.postReport(token, report.toString());
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("title").asString()).isEqualTo("Invalid report");
		assertThat(response.json().path("violations").toString()).contains("started_at").contains("/run/totals/passed");
	}

	@Test
	void refusesASchemaVersionThatDoesNotStartWithOne() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("version"));
		Api.Response response = api.postReport(token, Reports.report().schemaVersion("2.0").scenario().json());
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("title").asString()).isEqualTo("Unsupported schema version");
		assertThat(response.json().path("schema_version").asString()).isEqualTo("2.0");
	}

	@Test
	void acceptsMinorVersionsAndFieldsItDoesNotKnow() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("newer"));
		ObjectNode report = Reports.report().schemaVersion("1.1").scenario(Reports.pass("orders", 3)).node();
		((ObjectNode) report.get("run")).putObject("build_tool").put("name", "maven").put("version", "4");
		report.put("generator", "a newer reporter");
		Api.Response response = api.postReport(token, report.toString());
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("handles_ingested").asInt()).isEqualTo(1);
	}

	@Test
	void refusesMalformedJson() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("malformed"));
		Api.Response response = api.postReport(token, "{\"schema_version\": \"1\", ");
		assertThat(response.status()).isEqualTo(422);
	}

	@Test
	void warnsAboutAReportOlderThanADay() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("stale"));
		Api.Response response = api.postReport(token,
				Reports.report()
					.startedAt(Instant.now().minus(Duration.ofDays(3)))
					.scenario(Reports.pass("orders", 3))
					.json());
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("warning").asString()).contains("3 day(s) ago");
	}

	@Test
	void answersARepeatedIdempotencyKeyWithTheFirstRun() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("idem"));
		String report = Reports.report().scenario(Reports.pass("orders", 3)).json();
		Api.Response first = api.postReport(token, report, "Idempotency-Key", "build-42");
		Api.Response repeat = api.postReport(token, report, "Idempotency-Key", "build-42");
		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().path("run_id").asLong()).isEqualTo(first.json().path("run_id").asLong());
		assertThat(repeat.json().path("duplicate").asBoolean()).isTrue();
		assertThat(repeat.json().path("handles_ingested").asInt()).isZero();
		assertThat(api.get("/api/v1/runs", token).json()).hasSize(1);
	}

	@Test
	void refusesABodyOverTheLimitByItsContentLength() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("big"));
		Api.Response response = api.postReport(token,
				Reports.report().scenarios(400, Reports.pass("orders", 3)).json());
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().path("detail").asString()).contains("chronicle.max-body-size");
	}

	@Test
	void refusesAChunkedBodyOverTheLimit() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("chunked"));
		byte[] body = Reports.report()
			.scenarios(400, Reports.pass("orders", 3))
			.json()
			.getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isGreaterThan(256 * 1024);
		HttpRequest request = api.request("/api/v1/runs", token)
			.header("Content-Type", "application/json")
			.POST(chunked(body))
			.build();
		Api.Response response = api.send(request);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.raw().request().headers().firstValue("Content-Length")).isEmpty();
	}

	@Test
	void acceptsAChunkedBodyUnderTheLimit() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("chunkedok"));
		byte[] body = Reports.report().scenarios(5, Reports.pass("orders", 3)).json().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = api.request("/api/v1/runs", token)
			.header("Content-Type", "application/json")
			.POST(chunked(body))
			.build();
		Api.Response response = api.send(request);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("scenarios_ingested").asInt()).isEqualTo(5);
	}

	/**
	 * A body publisher of unknown length, so the client sends it with chunked transfer
	 * encoding.
	 */
	private static HttpRequest.BodyPublisher chunked(byte[] body) {
		HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
		return new HttpRequest.BodyPublisher() {

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
				known.subscribe(subscriber);
			}

		};
	}

}

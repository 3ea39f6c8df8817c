package dev.choreo.chronicle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, the OpenAPI description, the admin API and the token command.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerIntegrationTests extends ApiIntegrationTest {

	@Test
	void reportsHealthOnTheActuatorAndTheApi() {
		Api api = api();
		Api.Response actuator = api.get("/actuator/health", null);
		assertThat(actuator.status()).isEqualTo(200);
		assertThat(actuator.json().path("status").asString()).isEqualTo("UP");
		JsonNode health = api.get("/api/v1/health", null).json();
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("database").asString()).isEqualTo("UP");
		assertThat(health.path("events").asString()).isEqualTo("UP");
	}

	@Test
	void servesAnOpenApiDescriptionOfEveryEndpoint() {
		Api.Response response = api().get("/api/v1/openapi", null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/runs/{id}/raw",
				"/api/v1/tenants", "/api/v1/topics", "/api/v1/topics/{topic}/latency", "/api/v1/topics/{topic}/runs",
				"/api/v1/anomalies", "/api/v1/anomalies/{id}", "/api/v1/stream", "/api/v1/health",
				"/api/v1/admin/tenants/{tenant}/tokens");
		assertThat(response.body()).doesNotContain("\"caller\"");
		assertThat(response.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void writesNoTokenToTheLog(CapturedOutput output) {
		Api api = api();
		String tenant = uniqueTenant("logs");
		String token = api.newTenant(tenant);
		String read = api.newToken(tenant, "read");
		api.postReport(token, Reports.sample());
		api.postReport(read, Reports.sample());
		api.postReport(token + "x", Reports.sample());
		api.get("/api/v1/runs", read);
		assertThat(output.getAll()).doesNotContain(token).doesNotContain(read).doesNotContain(Api.ADMIN_TOKEN);
	}

	@Test
	void servesTheDashboardAtTheRootBehindItsSignIn() {
		assertThat(api().get("/", null).status()).isEqualTo(302);
	}

	@Test
	void createsTokensOnlyWithTheAdminToken() {
		Api api = api();
		String tenant = uniqueTenant("admin");
		String token = api.newTenant(tenant);
		assertThat(token).startsWith("chr_").hasSize(47);
		Api.Response refused = api.send(api.request("/api/v1/admin/tenants/other/tokens", token)
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(refused.status()).isEqualTo(403);
		Api.Response invalid = api.send(api.request("/api/v1/admin/tenants/Not_Valid!/tokens", Api.ADMIN_TOKEN)
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(invalid.status()).isEqualTo(422);
	}

	@Test
	void theTokenCommandCreatesATokenThatPostsReports() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String tenant = uniqueTenant("cli");
		int exit = TokenCommand.run(new String[] { "token", "create", tenant.toUpperCase(),
				"--spring.datasource.url=" + TestDatabase.shared(), "--spring.datasource.username=" + TestDatabase.USER,
				"--spring.datasource.password=" + TestDatabase.PASSWORD }, print(out), print(err));
		assertThat(exit).isZero();
		String token = out.toString(StandardCharsets.UTF_8).trim();
		assertThat(token).startsWith("chr_");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("tenant '" + tenant + "'").doesNotContain(token);
		assertThat(api().postReport(token, Reports.sample()).status()).isEqualTo(201);
	}

	@Test
	void theTokenCommandExplainsItsUsage() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(TokenCommand.run(new String[] { "token", "make" }, print(new ByteArrayOutputStream()), print(err)))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("Usage: java -jar choreo-chronicle.jar token create");
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}

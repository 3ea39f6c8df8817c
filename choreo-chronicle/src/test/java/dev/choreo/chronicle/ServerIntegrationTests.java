package dev.choreo.chronicle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
	void storesOnlyTheSha256OfAToken() throws SQLException, NoSuchAlgorithmException {
		Api api = api();
		String tenant = uniqueTenant("hashed");
		String token = api.newTenant(tenant);
		assertThat(api.get("/api/v1/runs", token).status()).isEqualTo(200);
		byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		String plainHex = HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8));
		try (Connection connection = DriverManager.getConnection(TestDatabase.shared(), TestDatabase.USER,
				TestDatabase.PASSWORD)) {
			List<String> rows = new ArrayList<>();
			try (PreparedStatement select = connection.prepareStatement("SELECT k.token_hash, row_to_json(k)::text"
					+ " FROM tenant_tokens k JOIN tenants t ON t.id = k.tenant_id WHERE t.name = ?")) {
				select.setString(1, tenant);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						assertThat(rs.getBytes(1)).isEqualTo(sha256);
						rows.add(rs.getString(2));
					}
				}
			}
			assertThat(rows).singleElement()
				.asString()
				.doesNotContain(token)
				.doesNotContain(token.substring(4))
				.doesNotContainIgnoringCase(plainHex)
				.contains(token.substring(0, 10));
			List<String> tables = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(
							"SELECT quote_ident(tablename) FROM pg_tables" + " WHERE schemaname = current_schema()")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			assertThat(tables).contains("tenant_tokens");
			for (String table : tables) {
				try (PreparedStatement find = connection.prepareStatement("SELECT count(*) FROM " + table
						+ " r WHERE strpos(r::text, ?) > 0 OR strpos(lower(r::text), ?) > 0")) {
					find.setString(1, token.substring(4));
					find.setString(2, plainHex);
					try (ResultSet rs = find.executeQuery()) {
						rs.next();
						assertThat(rs.getLong(1)).as(table).isZero();
					}
				}
			}
		}
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

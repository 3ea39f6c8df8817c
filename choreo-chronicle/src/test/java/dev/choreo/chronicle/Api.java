package dev.choreo.chronicle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API of one running Chronicle.
 */
final class Api {

	static final JsonMapper mapper = JsonMapper.builder().build();

	static final String ADMIN_TOKEN = "test-admin-token-7f3c9a1e5b";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	String base() {
		return this.base;
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
	}

	Response get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	Response postReport(String token, String json, String... headers) {
		HttpRequest.Builder builder = request("/api/v1/runs", token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpClient client() {
		return this.client;
	}

	/**
	 * Create a tenant with an ingest token through the admin API.
	 * @return the token
	 */
	String newTenant(String tenant) {
		return newToken(tenant, "ingest");
	}

	String newToken(String tenant, String scope) {
		Response response = send(request("/api/v1/admin/tenants/" + tenant + "/tokens", ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"" + scope + "\"}"))
			.build());
		if (response.status() != 201) {
			throw new IllegalStateException("Token creation failed: " + response.status() + " " + response.body());
		}
		return response.json().path("token").asString();
	}

	record Response(int status, HttpResponse<String> raw, String body) {

		JsonNode json() {
			return mapper.readTree(this.body);
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

}

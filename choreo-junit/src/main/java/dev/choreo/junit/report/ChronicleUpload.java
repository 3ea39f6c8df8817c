package dev.choreo.junit.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the finished {@code results.json} to a Chronicle server, when
 * {@code choreo.report.chronicle.url} is set. The upload is bounded by
 * {@code choreo.report.chronicle.timeout} (10 seconds by default), retried once when the
 * server cannot be reached or answers with a server error, and logs one line: the run's
 * URL, or why it was not posted. It never changes a test's outcome, and it never logs the
 * token.
 */
final class ChronicleUpload {

	private static final Logger logger = LoggerFactory.getLogger("dev.choreo.junit.report");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static volatile ChronicleSettings settings = ChronicleSettings.OFF;

	private ChronicleUpload() {
	}

	/**
	 * Use these settings for the uploads that follow.
	 */
	static void configure(ChronicleSettings settings) {
		ChronicleUpload.settings = settings;
	}

	static ChronicleSettings settings() {
		return settings;
	}

	/**
	 * Post a finished report when posting is configured; otherwise do nothing.
	 * @param results the report file
	 * @return the run's URL, or {@code null} when it was not posted
	 */
	static @Nullable URI postIfConfigured(Path results) {
		ChronicleSettings current = settings;
		if (!current.enabled()) {
			return null;
		}
		try {
			return post(current, Files.readAllBytes(results));
		}
		catch (IOException | RuntimeException ex) {
			notPosted(current, "the report could not be read (" + ex.getClass().getName() + ")");
			return null;
		}
	}

	static @Nullable URI post(ChronicleSettings current, byte[] report) {
		URI base = current.url();
		if (base == null) {
			return null;
		}
		if (current.token() == null) {
			notPosted(current, "no token: set " + ChronicleSettings.TOKEN + " or the environment variable"
					+ " CHOREO_CHRONICLE_TOKEN to the tenant's ingest token");
			return null;
		}
		long deadline = System.nanoTime() + current.timeout().toNanos();
		HttpClient client = HttpClient.newBuilder().connectTimeout(current.timeout()).build();
		HttpRequest request = request(current, base, report);
		String reason = null;
		for (int attempt = 1; attempt <= 2; attempt++) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				reason = "no answer within " + current.timeout().toMillis() + " ms";
				break;
			}
			Attempt result = send(client, request, remaining);
			if (result.runUrl(base) != null) {
				logger.info("Choreo report posted to Chronicle: {}", result.runUrl(base));
				return result.runUrl(base);
			}
			reason = result.reason();
			if (!result.retryable()) {
				break;
			}
		}
		notPosted(current, reason);
		return null;
	}

	private static HttpRequest request(ChronicleSettings current, URI base, byte[] report) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1/runs"))
			.timeout(current.timeout())
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + current.token())
			.header("X-Chronicle-Tenant", current.tenant())
			.header("Idempotency-Key", digest(report))
			.POST(HttpRequest.BodyPublishers.ofByteArray(report));
		if (current.runKey() != null) {
			builder.header("X-Chronicle-Run", current.runKey());
		}
		return builder.build();
	}

	private static Attempt send(HttpClient client, HttpRequest request, long remainingNanos) {
		try {
			HttpResponse<String> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.get(remainingNanos, TimeUnit.NANOSECONDS);
			int status = response.statusCode();
			if (status / 100 == 2) {
				return new Attempt(runId(response.body()), "", false);
			}
			String detail = problemDetail(response.body());
			boolean retryable = status >= 500 || status == 408 || status == 429;
			return new Attempt(null, "Chronicle answered " + status + ((detail != null) ? ": " + detail : ""),
					retryable);
		}
		catch (TimeoutException ex) {
			return new Attempt(null, "no answer in time", false);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Attempt(null, "it could not be reached (" + cause.getClass().getSimpleName() + ")", true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Attempt(null, "interrupted", false);
		}
	}

	private static @Nullable String runId(String body) {
		try {
			JsonNode id = mapper.readTree(body).path("run_id");
			return id.isMissingNode() || id.isNull() ? null : id.asString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The problem's detail or title, cut short and reduced to printable characters: the
	 * server's words, never the request's.
	 */
	private static @Nullable String problemDetail(String body) {
		try {
			JsonNode problem = mapper.readTree(body);
			String text = problem.path("detail").asString(problem.path("title").asString(""));
			text = text.replaceAll("[^\\p{Print}]", " ").strip();
			if (text.isEmpty()) {
				return null;
			}
			return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String digest(byte[] report) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(report);
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			return Integer.toHexString(new String(report, StandardCharsets.UTF_8).hashCode());
		}
	}

	private static void notPosted(ChronicleSettings current, @Nullable String reason) {
		logger.warn("Choreo report not posted to Chronicle at {}: {}; test outcomes are not affected", current.url(),
				reason);
	}

	private record Attempt(@Nullable String runId, String reason, boolean retryable) {

		@Nullable URI runUrl(URI base) {
			return (this.runId != null) ? URI.create(base + "/runs/" + this.runId) : null;
		}

	}

}

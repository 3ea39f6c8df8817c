package dev.choreo.chronicle;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code upload <results.json> --url <chronicle> --token <token> --tenant <tenant> [--run-key <key>]}:
 * posts a stored report to a running Chronicle, for builds that keep the report as an
 * artifact instead of posting it at the end of the test run. The token may come from the
 * {@code CHOREO_CHRONICLE_TOKEN} environment variable instead; it is never printed.
 * Starts no server and opens no database.
 *
 * @author Choreo
 */
public final class UploadCommand {

	static final String USAGE = "Usage: java -jar choreo-chronicle.jar upload <results.json> --url <chronicle url>"
			+ " --token <ingest token> --tenant <tenant> [--run-key <key>] (or the token in CHOREO_CHRONICLE_TOKEN)";

	private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*(\\d+)");

	private UploadCommand() {
	}

	static boolean isCommand(String[] args) {
		return args.length > 0 && "upload".equals(args[0]);
	}

	/**
	 * Run the command.
	 * @param args the arguments, starting with {@code upload}
	 * @param out where the run's URL is printed
	 * @param err where messages go
	 * @param env the environment
	 * @return the exit code: 0 posted, 1 refused or unreachable, 2 wrong arguments
	 */
	public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
		Map<String, String> options = new HashMap<>();
		String file = null;
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--")) {
				int equals = arg.indexOf('=');
				if (equals > 0) {
					options.put(arg.substring(2, equals), arg.substring(equals + 1));
				}
				else if (i + 1 < args.length) {
					options.put(arg.substring(2), args[++i]);
				}
				else {
					err.println("Option " + arg + " needs a value. " + USAGE);
					return 2;
				}
			}
			else if (file == null) {
				file = arg;
			}
			else {
				err.println("Only one report can be uploaded at a time. " + USAGE);
				return 2;
			}
		}
		String url = options.get("url");
		String token = options.getOrDefault("token", env.get("CHOREO_CHRONICLE_TOKEN"));
		String tenant = options.get("tenant");
		if (file == null || url == null || url.isBlank() || token == null || token.isBlank() || tenant == null
				|| tenant.isBlank()) {
			err.println(USAGE);
			return 2;
		}
		Path report = Path.of(file);
		if (!Files.isRegularFile(report)) {
			err.println(
					"No report at " + report + ". The JUnit report writes it to target/choreo-report/results.json.");
			return 2;
		}
		String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		return post(report, base, token, tenant, options.get("run-key"), out, err);
	}

	private static int post(Path report, String base, String token, String tenant, @Nullable String runKey,
			PrintStream out, PrintStream err) {
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(base + "/api/v1/runs"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("X-Chronicle-Tenant", tenant)
				.POST(HttpRequest.BodyPublishers.ofFile(report));
		}
		catch (IllegalArgumentException | IOException ex) {
			err.println("Cannot post " + report + " to " + base + ": " + ex.getMessage());
			return 2;
		}
		if (runKey != null && !runKey.isBlank()) {
			request.header("X-Chronicle-Run", runKey);
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher runId = RUN_ID.matcher(response.body());
			if ((response.statusCode() == 200 || response.statusCode() == 201) && runId.find()) {
				out.println(base + "/runs/" + runId.group(1));
				err.println((response.statusCode() == 201) ? "Report posted to Chronicle."
						: "Chronicle already had this report.");
				return 0;
			}
			err.println("Chronicle refused the report with HTTP " + response.statusCode() + ": "
					+ abbreviate(response.body()));
			return 1;
		}
		catch (IOException ex) {
			err.println("Cannot reach Chronicle at " + base + ": " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("Interrupted while posting to " + base);
			return 1;
		}
	}

	private static String abbreviate(String body) {
		String text = body.strip();
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}

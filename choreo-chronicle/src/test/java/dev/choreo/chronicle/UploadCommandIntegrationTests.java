package dev.choreo.chronicle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar choreo-chronicle.jar upload results.json ...} against a running
 * Chronicle.
 */
class UploadCommandIntegrationTests extends ApiIntegrationTest {

	@TempDir
	Path work;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void postsAStoredReportAndPrintsTheRunPage() throws Exception {
		String tenant = uniqueTenant("upload");
		String token = api().newTenant(tenant);
		Path report = report();
		int code = upload(Map.of(), "upload", report.toString(), "--url", api().base() + "/", "--token", token,
				"--tenant", tenant, "--run-key", "build-42");
		assertThat(code).as(text(this.err)).isZero();
		String page = text(this.out).strip();
		assertThat(page).startsWith(api().base() + "/runs/");
		String id = page.substring(page.lastIndexOf('/') + 1);
		Api.Response run = api().get("/api/v1/runs/" + id, token);
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.json().path("run").path("run_key").asString()).isEqualTo("build-42");
		assertThat(text(this.err)).isEqualTo("Report posted to Chronicle.\n").doesNotContain(token);
	}

	@Test
	void takesTheTokenFromTheEnvironment() throws Exception {
		String tenant = uniqueTenant("upload-env");
		String token = api().newTenant(tenant);
		int code = upload(Map.of("CHOREO_CHRONICLE_TOKEN", token), "upload", report().toString(),
				"--url=" + api().base(), "--tenant=" + tenant);
		assertThat(code).as(text(this.err)).isZero();
		assertThat(text(this.out)).startsWith(api().base() + "/runs/");
	}

	@Test
	void aTokenChronicleDoesNotKnowIsRefusedWithItsAnswer() throws Exception {
		int code = upload(Map.of(), "upload", report().toString(), "--url", api().base(), "--token",
				"chr_not-a-known-token", "--tenant", "nobody");
		assertThat(code).isEqualTo(1);
		assertThat(text(this.err)).startsWith("Chronicle refused the report with HTTP 401: ")
			.doesNotContain("chr_not-a-known-token");
		assertThat(text(this.out)).isEmpty();
	}

	@Test
	void aMissingReportOrOptionSaysWhatIsNeeded() {
		Path missing = this.work.resolve("results.json");
		assertThat(upload(Map.of(), "upload", missing.toString(), "--url", api().base(), "--token", "t", "--tenant",
				"a-b"))
			.isEqualTo(2);
		assertThat(text(this.err)).isEqualTo(
				"No report at " + missing + ". The JUnit report writes it to target/choreo-report/results.json.\n");
		this.err.reset();
		assertThat(upload(Map.of(), "upload", missing.toString(), "--url", api().base())).isEqualTo(2);
		assertThat(text(this.err)).isEqualTo(UploadCommand.USAGE + "\n");
	}

	private Path report() throws Exception {
		return Files.writeString(this.work.resolve("results-" + System.nanoTime() + ".json"),
				Reports.report().scenario(Reports.pass("uploads.done", 12)).json());
	}

	private int upload(Map<String, String> env, String... args) {
		return UploadCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), env);
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}

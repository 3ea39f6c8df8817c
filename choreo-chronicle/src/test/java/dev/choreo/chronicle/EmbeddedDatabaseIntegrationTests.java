package dev.choreo.chronicle;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.choreo.chronicle.security.TokenScope;
import dev.choreo.chronicle.security.TokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default: no spring.datasource.url starts an embedded PostgreSQL whose data outlives
 * the application, and the log says where that data is.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

	@Test
	void startsOnAnEmbeddedPostgresqlThatKeepsItsData(@TempDir Path dataDir, CapturedOutput output) {
		String token;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			assertThat(output.getOut()).contains("No spring.datasource.url set: using the embedded PostgreSQL on port ")
				.contains(" with its data in " + dataDir.toAbsolutePath().resolve("pgdata") + System.lineSeparator());
			token = context.getBean(TokenService.class).create("embedded", TokenScope.INGEST, null).token();
			Api api = api(context);
			assertThat(api.postReport(token, Reports.sample()).status()).isEqualTo(201);
			assertThat(api.get("/api/v1/health", null).json().path("status").asString()).isEqualTo("UP");
		}
		assertThat(dataDir.resolve("pgdata").resolve("PG_VERSION")).exists();
		try (ConfigurableApplicationContext context = start(dataDir)) {
			assertThat(api(context).get("/api/v1/runs", token).json()).hasSize(1);
		}
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ChronicleApplication.class).run("--server.port=0",
				"--chronicle.data-dir=" + dataDir, "--spring.jmx.enabled=false");
	}

}

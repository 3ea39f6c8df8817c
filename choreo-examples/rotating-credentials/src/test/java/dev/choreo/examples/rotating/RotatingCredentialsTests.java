package dev.choreo.examples.rotating;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The NATS harness takes its credentials from an {@code AuthResolver} bean
 * ({@code choreo.nats.auth-resolver=fileNatsCredentials}) that reads a file at every
 * connect. The test rotates the password (the file and the server both) while the context
 * is stopped, as Spring's test framework stops a cached context while other test classes
 * run, and checks that the harness read the file again when the context started and
 * logged on with the new password, which is the only one the server still accepts.
 */
@DirtiesContext
@ChoreoTest(properties = { "choreo.nats.auth-resolver=fileNatsCredentials", "choreo.correlation.policy=field" })
class RotatingCredentialsTests {

	private static Path credentialsFile;

	private static PasswordNatsServer server;

	@Autowired
	private FileNatsCredentials credentials;

	@Autowired
	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startServer() throws IOException {
		credentialsFile = Files.createTempFile("choreo-nats-credentials-", ".properties");
		String password = newPassword();
		writeCredentials("orders-v1", password);
		server = PasswordNatsServer.start("orders-v1", password);
	}

	@AfterAll
	static void deleteCredentials() throws IOException {
		Files.deleteIfExists(credentialsFile);
	}

	@DynamicPropertySource
	static void natsServer(DynamicPropertyRegistry registry) {
		registry.add("choreo.nats.servers", () -> server.url());
	}

	@Test
	void readsTheRotatedCredentialsAtEveryConnect(Harness natsHarness) throws Exception {
		assertThat(this.credentials.reads()).isEqualTo(1);
		assertThat(this.credentials.lastUser()).isEqualTo("orders-v1");
		roundTrip(natsHarness, "with the first password");

		for (int version = 2; version <= 3; version++) {
			String user = "orders-v" + version;
			String password = newPassword();
			int readsBefore = this.credentials.reads();
			this.context.stop();
			writeCredentials(user, password);
			server.rotate(user, password);
			this.context.start();

			assertThat(this.credentials.reads()).isEqualTo(readsBefore + 1);
			assertThat(this.credentials.lastUser()).isEqualTo(user);
			assertThat(natsHarness.isConnected()).isTrue();
			roundTrip(natsHarness, "after rotating to " + user);
			assertRefused("orders-v" + (version - 1));
		}
	}

	private static void roundTrip(Harness harness, String name) {
		try (Scenario scenario = harness.scenario(name)) {
			String id = UUID.randomUUID().toString();
			scenario.expect("orders.audited", fieldEquals("id", id));
			scenario.publish("orders.audited", Map.of("id", id)).awaitAll().assertPassed();
		}
	}

	/** The server no longer accepts the user the harness had before. */
	private static void assertRefused(String oldUser) {
		Options options = new Options.Builder().server(server.url())
			.userInfo(oldUser, "any-password")
			.connectionTimeout(Duration.ofSeconds(2))
			.maxReconnects(0)
			.build();
		assertThatException().isThrownBy(() -> Nats.connect(options).close());
	}

	private static void writeCredentials(String user, String password) throws IOException {
		Files.writeString(credentialsFile, "user=" + user + "\npassword=" + password + "\n");
	}

	private static String newPassword() {
		return "pw-" + UUID.randomUUID();
	}

	@SpringBootConfiguration
	static class CredentialsConfiguration {

		@Bean
		FileNatsCredentials fileNatsCredentials() {
			return new FileNatsCredentials(credentialsFile);
		}

		/** Stops the server when the context closes, after the harness has. */
		@Bean(destroyMethod = "close")
		PasswordNatsServer passwordNatsServer() {
			return server;
		}

	}

}

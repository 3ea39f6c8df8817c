package dev.choreo.chronicle.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.choreo.chronicle.ChronicleApplication;
import dev.choreo.chronicle.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

class DatabaseCredentialsCheckTests {

	@Test
	void allowsTheEmbeddedDatabaseForLocalUse() {
		assertThatNoException().isThrownBy(() -> DatabaseCredentialsCheck.run(new MockEnvironment()));
		MockEnvironment dev = new MockEnvironment();
		dev.setActiveProfiles("local", "dev", "test");
		assertThatNoException().isThrownBy(() -> DatabaseCredentialsCheck.run(dev));
	}

	@Test
	void refusesTheEmbeddedDatabaseUnderAnotherProfile() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		assertThatExceptionOfType(DefaultDatabaseCredentialsException.class)
			.isThrownBy(() -> DatabaseCredentialsCheck.run(environment))
			.withMessage("Chronicle refuses to start with default database credentials (the embedded PostgreSQL"
					+ " (no spring.datasource.url is set)) for active profiles prod");
	}

	@Test
	void refusesWellKnownPasswordsInStagingAndProduction() {
		for (String password : new String[] { "", "postgres", "chronicle", "Password" }) {
			MockEnvironment environment = new MockEnvironment().withProperty("chronicle.environment", "production")
				.withProperty("spring.datasource.url", "jdbc:postgresql://db/chronicle")
				.withProperty("spring.datasource.username", "chronicle")
				.withProperty("spring.datasource.password", password);
			assertThatExceptionOfType(DefaultDatabaseCredentialsException.class)
				.isThrownBy(() -> DatabaseCredentialsCheck.run(environment))
				.withMessageContaining("chronicle.environment=production");
		}
		MockEnvironment noPassword = new MockEnvironment().withProperty("chronicle.environment", "staging")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/chronicle");
		assertThatExceptionOfType(DefaultDatabaseCredentialsException.class)
			.isThrownBy(() -> DatabaseCredentialsCheck.run(noPassword));
	}

	@Test
	void allowsOwnCredentialsInProduction() {
		MockEnvironment environment = new MockEnvironment().withProperty("chronicle.environment", "production")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/chronicle")
			.withProperty("spring.datasource.username", "chronicle_app")
			.withProperty("spring.datasource.password", "k3Jd-92hf-Qa71-x0Pz");
		assertThatNoException().isThrownBy(() -> DatabaseCredentialsCheck.run(environment));
	}

	@Test
	void refusesToStartBeforeTheEmbeddedDatabaseStarts(@TempDir Path dataDir) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(ChronicleApplication.class)
			.web(WebApplicationType.NONE)
			.properties("chronicle.data-dir=" + dataDir, "spring.main.banner-mode=off");
		assertThat(refusal(() -> application.run("--spring.profiles.active=production")))
			.isInstanceOf(DefaultDatabaseCredentialsException.class);
		assertThat(dataDir.resolve("pgdata")).doesNotExist();
	}

	@Test
	void refusesToStartUnderAnotherProfileOnAnExternalDatabaseWithAWeakPassword(@TempDir Path dataDir)
			throws SQLException {
		TestDatabases.assumePostgres();
		String url = TestDatabases.createUrl("credentials");
		for (String password : new String[] { "", "postgres" }) {
			SpringApplicationBuilder application = new SpringApplicationBuilder(ChronicleApplication.class)
				.web(WebApplicationType.NONE)
				.properties("chronicle.data-dir=" + dataDir, "spring.main.banner-mode=off");
			assertThat(refusal(
					() -> application.run("--spring.profiles.active=production", "--spring.datasource.url=" + url,
							"--spring.datasource.username=postgres", "--spring.datasource.password=" + password)))
				.isInstanceOf(DefaultDatabaseCredentialsException.class)
				.hasMessage("Chronicle refuses to start with default database credentials (the user 'postgres'"
						+ " with an empty or well-known password) for active profiles production");
		}
		assertThat(dataDir.resolve("pgdata")).doesNotExist();
		try (Connection connection = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
				ResultSet tables = connection.createStatement()
					.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
			tables.next();
			assertThat(tables.getLong(1)).as("tables created before the refusal").isZero();
		}
	}

	/**
	 * Return the root cause of a failed start (the thrown exception itself when it has no
	 * cause).
	 */
	private static Throwable refusal(ThrowingCallable start) {
		Throwable thrown = catchThrowable(start);
		assertThat(thrown).as("the start failed").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(thrown);
	}

	@Test
	void aFailureAnalyzerExplainsTheRefusal() throws IOException {
		List<String> registered = new ArrayList<>();
		for (URL factories : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
			Properties properties = new Properties();
			try (InputStream in = factories.openStream()) {
				properties.load(in);
			}
			registered.add(properties.getProperty(FailureAnalyzer.class.getName(), ""));
		}
		assertThat(registered).contains(DefaultDatabaseCredentialsFailureAnalyzer.class.getName());
		MockEnvironment environment = new MockEnvironment().withProperty("chronicle.environment", "production");
		DefaultDatabaseCredentialsException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
				DefaultDatabaseCredentialsException.class, () -> DatabaseCredentialsCheck.run(environment));
		FailureAnalysis analysis = new DefaultDatabaseCredentialsFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("Chronicle is configured for chronicle.environment=production,"
				+ " which is not local use, but its database uses default credentials: the embedded PostgreSQL"
				+ " (no spring.datasource.url is set).");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_PASSWORD");
	}

}

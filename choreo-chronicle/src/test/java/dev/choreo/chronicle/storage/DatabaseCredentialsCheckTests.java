package dev.choreo.chronicle.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.choreo.chronicle.ChronicleApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

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
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> application.run("--spring.profiles.active=production"))
			.havingRootCause()
			.isInstanceOf(DefaultDatabaseCredentialsException.class);
		assertThat(dataDir.resolve("pgdata")).doesNotExist();
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

package dev.choreo.chronicle.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.choreo.chronicle.ChronicleProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The default database: with no {@code spring.datasource.url}, Chronicle starts an
 * embedded PostgreSQL whose data lives in {@code chronicle.data-dir}, so a first try
 * needs no database.
 *
 * @author Choreo
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
public class EmbeddedDatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(ChronicleProperties properties, DatabaseCredentialsCheck check)
			throws IOException {
		Path directory = properties.getDataDir().toAbsolutePath();
		Files.createDirectories(directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("pgdata"))
			.setCleanDataDirectory(false);
		if (properties.getEmbedded().getPort() > 0) {
			builder.setPort(properties.getEmbedded().getPort());
		}
		EmbeddedPostgres postgres = startOrExplain(builder, directory);
		logger.info("No spring.datasource.url set: using the embedded PostgreSQL on port {} with its data in {}",
				postgres.getPort(), directory.resolve("pgdata"));
		return postgres;
	}

	private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder, Path directory) {
		try {
			return builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new UncheckedIOException(new IOException("The embedded PostgreSQL in " + directory
					+ " did not start. Is another Chronicle using that directory? Stop it, set chronicle.data-dir"
					+ " to another directory, or set spring.datasource.url to use a PostgreSQL server", ex));
		}
	}

	@Bean
	JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgres postgres) {
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	/**
	 * Matches when no {@code spring.datasource.url} is set.
	 */
	static class NoDataSourceUrl implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.PARSE_CONFIGURATION;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}

	}

}

package dev.choreo.chronicle.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link DefaultDatabaseCredentialsException} at start-up.
 *
 * @author Choreo
 */
public class DefaultDatabaseCredentialsFailureAnalyzer
		extends AbstractFailureAnalyzer<DefaultDatabaseCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DefaultDatabaseCredentialsException cause) {
		String description = "Chronicle is configured for " + cause.getContext()
				+ ", which is not local use, but its database uses default credentials: " + cause.getCredentials()
				+ ".";
		String action = "Set spring.datasource.url, spring.datasource.username and spring.datasource.password"
				+ " to a PostgreSQL database with its own credentials (for example through the environment variables"
				+ " SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD), or run with"
				+ " the local profile for a local try.";
		return new FailureAnalysis(description, action, cause);
	}

}

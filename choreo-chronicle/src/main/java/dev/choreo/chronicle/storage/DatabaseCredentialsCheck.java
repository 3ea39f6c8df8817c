package dev.choreo.chronicle.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Refuses to start outside local use with the default database credentials: the embedded
 * PostgreSQL, or a well-known user with an empty or well-known password. Local use is no
 * active profile or only {@code local}, {@code dev} and {@code test}, and a
 * {@code chronicle.environment} other than {@code staging} and {@code production}.
 *
 * @author Choreo
 */
public final class DatabaseCredentialsCheck {

	private static final Set<String> LOCAL_PROFILES = Set.of("local", "dev", "test", "default");

	private static final Set<String> REMOTE_ENVIRONMENTS = Set.of("staging", "production", "prod");

	private static final Set<String> DEFAULT_USERS = Set.of("postgres", "chronicle", "root", "admin");

	private static final Set<String> DEFAULT_PASSWORDS = Set.of("", "postgres", "chronicle", "password", "admin",
			"root", "secret");

	private DatabaseCredentialsCheck(Environment environment) {
		if (!isLocal(environment)) {
			verify(environment);
		}
	}

	/**
	 * Run the check.
	 * @param environment the environment
	 * @return the passed check
	 * @throws DefaultDatabaseCredentialsException when default credentials are in use
	 * outside local use
	 */
	public static DatabaseCredentialsCheck run(Environment environment) {
		return new DatabaseCredentialsCheck(environment);
	}

	static boolean isLocal(Environment environment) {
		String declared = environment.getProperty("chronicle.environment");
		if (declared != null && REMOTE_ENVIRONMENTS.contains(declared.toLowerCase(Locale.ROOT))) {
			return false;
		}
		return Arrays.stream(environment.getActiveProfiles()).allMatch(LOCAL_PROFILES::contains);
	}

	private static void verify(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null) {
			throw new DefaultDatabaseCredentialsException(describe(environment),
					"the embedded PostgreSQL (no spring.datasource.url is set)");
		}
		String user = environment.getProperty("spring.datasource.username");
		String password = environment.getProperty("spring.datasource.password");
		if (isDefault(user, password)) {
			throw new DefaultDatabaseCredentialsException(describe(environment),
					"the user '" + ((user != null) ? user : "") + "' with an empty or well-known password");
		}
	}

	private static boolean isDefault(@Nullable String user, @Nullable String password) {
		if (password == null || DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
			return true;
		}
		return user != null && DEFAULT_USERS.contains(user.toLowerCase(Locale.ROOT)) && password.equalsIgnoreCase(user);
	}

	private static String describe(Environment environment) {
		String declared = environment.getProperty("chronicle.environment");
		if (declared != null && REMOTE_ENVIRONMENTS.contains(declared.toLowerCase(Locale.ROOT))) {
			return "chronicle.environment=" + declared;
		}
		return "active profiles " + String.join(", ", environment.getActiveProfiles());
	}

}

package dev.choreo.chronicle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Databases for the tests on a real PostgreSQL server:
 * {@code CHOREO_CHRONICLE_TEST_JDBC_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, a database to create others from),
 * {@code CHOREO_CHRONICLE_TEST_USER} (default {@code postgres}) and
 * {@code CHOREO_CHRONICLE_TEST_PASSWORD} (default empty, for trust authentication). Each
 * database is dropped when the JVM exits.
 */
final class TestDatabase {

	static final String ADMIN_URL = env("CHOREO_CHRONICLE_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USER = env("CHOREO_CHRONICLE_TEST_USER", "postgres");

	static final String PASSWORD = env("CHOREO_CHRONICLE_TEST_PASSWORD", "");

	private static String shared;

	private TestDatabase() {
	}

	/**
	 * The database shared by the test classes that share one application context.
	 */
	static synchronized String shared() {
		if (shared == null) {
			shared = create("shared");
		}
		return shared;
	}

	/**
	 * A new database, dropped at exit.
	 * @return its JDBC URL
	 */
	static String create(String label) {
		String name = "chronicle_test_" + label.toLowerCase(Locale.ROOT) + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		execute("CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return urlOf(name);
	}

	static boolean reachable() {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String urlOf(String name) {
		int slash = ADMIN_URL.lastIndexOf('/');
		int query = ADMIN_URL.indexOf('?', slash);
		return ADMIN_URL.substring(0, slash + 1) + name + ((query >= 0) ? ADMIN_URL.substring(query) : "");
	}

	private static void drop(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			// best effort at exit
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + ADMIN_URL, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}

package dev.choreo.chronicle;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link TestDatabase} for tests outside this package.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * Skip the test when PostgreSQL does not answer, or fail it under
	 * {@code -Dchoreo.e2e.required=true}.
	 */
	public static void assumePostgres() {
		boolean reachable = TestDatabase.reachable();
		if (!reachable && Boolean.getBoolean("choreo.e2e.required")) {
			throw new IllegalStateException("No PostgreSQL at " + TestDatabase.ADMIN_URL);
		}
		Assumptions.assumeTrue(reachable, () -> "No PostgreSQL at " + TestDatabase.ADMIN_URL);
	}

	/**
	 * A new database, dropped at exit.
	 * @param label part of its name
	 * @return a data source for it
	 */
	public static DriverManagerDataSource create(String label) {
		return new DriverManagerDataSource(TestDatabase.create(label), TestDatabase.USER, TestDatabase.PASSWORD);
	}

	/**
	 * A new database, dropped at exit.
	 * @param label part of its name
	 * @return its JDBC URL
	 */
	public static String createUrl(String label) {
		return TestDatabase.create(label);
	}

	/**
	 * Return the user of the test databases.
	 * @return the user
	 */
	public static String user() {
		return TestDatabase.USER;
	}

	/**
	 * Return the password of the test databases.
	 * @return the password
	 */
	public static String password() {
		return TestDatabase.PASSWORD;
	}

}

package dev.choreo.chronicle;

import java.time.Instant;

/**
 * What the benchmark in {@code dev.choreo.chronicle.bench} borrows from the test helpers.
 */
public final class BenchmarkSupport {

	private final Api api;

	/**
	 * Talk to a Chronicle on a port.
	 * @param port the port
	 */
	public BenchmarkSupport(int port) {
		this.api = new Api(port);
	}

	/**
	 * Create a tenant and an ingest token through the admin API.
	 * @param tenant the tenant
	 * @return the token
	 */
	public String newTenant(String tenant) {
		return this.api.newTenant(tenant);
	}

	/**
	 * Post a report.
	 * @param token the token
	 * @param json the report
	 * @return the HTTP status
	 */
	public int post(String token, String json) {
		return this.api.postReport(token, json).status();
	}

	/**
	 * GET a path.
	 * @param token the token
	 * @param path the path
	 * @return the HTTP status
	 */
	public int get(String token, String path) {
		return this.api.get(path, token).status();
	}

	/**
	 * A report of {@code scenarios} scenarios with one handle on each topic, latencies
	 * drawn from a seed.
	 * @param started the run's start
	 * @param scenarios scenarios in the report
	 * @param seed random seed for the latencies
	 * @param topics the topics each scenario expects on
	 * @return the JSON
	 */
	public static String report(Instant started, int scenarios, long seed, String... topics) {
		java.util.Random random = new java.util.Random(seed);
		Reports.Builder report = Reports.report().startedAt(started);
		for (int i = 0; i < scenarios; i++) {
			Reports.Handle[] handles = new Reports.Handle[topics.length];
			for (int t = 0; t < topics.length; t++) {
				double latency = Math.round(Math.exp(random.nextGaussian() * 0.6 + 2.5) * 1000) / 1000.0;
				handles[t] = (random.nextInt(50) == 0) ? Reports.slow(topics[t], latency, latency / 2)
						: Reports.pass(topics[t], latency);
			}
			report.scenario(handles);
		}
		return report.json();
	}

	/**
	 * A new database on the test PostgreSQL server.
	 * @param label part of its name
	 * @return its JDBC URL
	 */
	public static String database(String label) {
		return TestDatabase.create(label);
	}

	/**
	 * Return the admin token the helpers use.
	 * @return the token
	 */
	public static String adminToken() {
		return Api.ADMIN_TOKEN;
	}

}

package dev.choreo.chronicle.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.choreo.chronicle.BenchmarkSupport;
import dev.choreo.chronicle.ChronicleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chronicle's benchmark against the real PostgreSQL server of the tests (a fresh
 * database):
 * <ol>
 * <li>ingest: 1,000 reports of 100 scenarios × 3 handles posted over HTTP, by one client
 * and by four concurrent clients: reports per second;</li>
 * <li>latency reads: a year of history on one topic (24 runs a day, 20 handles each),
 * then {@code GET /topics/{topic}/latency} at raw resolution over 24 hours, hourly over
 * 30 days and daily over 365 days: median and p95 of the response time over 200 requests
 * each, in 3 rounds.</li>
 * </ol>
 * Run it with {@code ./mvnw -pl choreo-chronicle test-compile exec:java
 * -Dexec.mainClass=dev.choreo.chronicle.bench.ChronicleBenchmark -Dexec.classpathScope=test}.
 * Arguments: reports to ingest (default 1000), days of history (default 365); 0 skips
 * that part.
 */
public final class ChronicleBenchmark {

	private ChronicleBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args reports to ingest, days of history
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		int reports = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int days = (args.length > 1) ? Integer.parseInt(args[1]) : 365;
		String url = BenchmarkSupport.database("bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChronicleApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--chronicle.admin-token=" + BenchmarkSupport.adminToken(), "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--chronicle.retention=800d")) {
			BenchmarkSupport client = new BenchmarkSupport(
					((WebServerApplicationContext) context).getWebServer().getPort());
			if (reports > 0) {
				ingest(client, reports);
			}
			if (days > 0) {
				latency(client, days);
			}
		}
		System.exit(0);
	}

	private static void ingest(BenchmarkSupport client, int reports) throws Exception {
		String token = client.newTenant("bench-ingest");
		List<String> bodies = new ArrayList<>();
		Instant now = Instant.now().minus(Duration.ofMinutes(30));
		for (int i = 0; i < 50; i++) {
			bodies.add(BenchmarkSupport.report(now.plusSeconds(i), 100, i, "orders.created", "orders.settled",
					"audit.written"));
		}
		System.out.printf(Locale.ROOT, "report size: %.0f KB%n", bodies.get(0).length() / 1024.0);
		for (int i = 0; i < 20; i++) {
			check(client.post(token, bodies.get(i % bodies.size())));
		}
		for (int threads : new int[] { 1, 4 }) {
			long start = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				futures.add(pool.submit(() -> {
					for (int i = offset; i < reports; i += threads) {
						check(client.post(token, bodies.get(i % bodies.size())));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			pool.shutdown();
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT, "ingest, %d client(s): %d reports (%d handles) in %.1f s = %.1f reports/s%n",
					threads, reports, reports * 300, seconds, reports / seconds);
		}
	}

	private static void latency(BenchmarkSupport client, int days) throws Exception {
		String token = client.newTenant("bench-history");
		Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
		Instant start = end.minus(Duration.ofDays(days));
		long begin = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> futures = new ArrayList<>();
		int runs = days * 24;
		for (int t = 0; t < 4; t++) {
			int offset = t;
			futures.add(pool.submit(() -> {
				for (int i = offset; i < runs; i += 4) {
					check(client.post(token, BenchmarkSupport.report(start.plus(Duration.ofHours(i)).plusSeconds(7), 20,
							i, "bench.topic")));
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		System.out.printf(Locale.ROOT, "history: %d runs over %d days posted in %.0f s%n", runs, days,
				(System.nanoTime() - begin) / 1e9);
		String base = "/api/v1/topics/bench.topic/latency?from=%s&to=%s&resolution=%s";
		String[][] cases = { { "raw", "PT24H" }, { "hourly", "P30D" }, { "daily", "P365D" } };
		for (int round = 1; round <= 3; round++) {
			for (String[] c : cases) {
				Duration window = c[0].equals("raw") ? Duration.ofHours(24) : Duration.parse(c[1]);
				String path = String.format(base, end.minus(window), end, c[0]);
				for (int i = 0; i < 20; i++) {
					check(client.get(token, path));
				}
				List<Double> times = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					long t0 = System.nanoTime();
					check(client.get(token, path));
					times.add((System.nanoTime() - t0) / 1e6);
				}
				Collections.sort(times);
				System.out.printf(Locale.ROOT, "round %d, latency %-6s over %-5s: median %.2f ms, p95 %.2f ms%n", round,
						c[0], c[1], times.get(99), times.get(189));
			}
		}
	}

	private static void check(int status) {
		if (status != 200 && status != 201) {
			throw new IllegalStateException("HTTP " + status);
		}
	}

}

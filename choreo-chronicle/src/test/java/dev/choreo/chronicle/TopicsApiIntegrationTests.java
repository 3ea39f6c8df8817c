package dev.choreo.chronicle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.choreo.chronicle.query.LatencyQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /api/v1/topics, /topics/{topic}/latency and /topics/{topic}/runs.
 */
class TopicsApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void listsTopicsWithTheLatestRunsStatistics() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("topics"));
		Instant now = Instant.now();
		api.postReport(token,
				Reports.report().startedAt(now.minusSeconds(600)).scenarios(4, Reports.pass("orders", 50)).json());
		api.postReport(token,
				Reports.report()
					.startedAt(now.minusSeconds(60))
					.scenario(Reports.pass("orders", 10))
					.scenario(Reports.pass("orders", 20))
					.scenario(Reports.slow("orders", 30, 25))
					.scenario(Reports.timeout("orders"))
					.scenario(Reports.fail("orders"))
					.json());
		JsonNode topics = api.get("/api/v1/topics", token).json();
		assertThat(topics).hasSize(1);
		JsonNode orders = topics.get(0);
		assertThat(orders.path("topic").asString()).isEqualTo("orders");
		assertThat(orders.path("handles").asInt()).isEqualTo(5);
		assertThat(orders.path("samples").asInt()).isEqualTo(3);
		assertThat(orders.path("p50_ms").asDouble()).isEqualTo(20.0);
		assertThat(orders.path("p95_ms").asDouble()).isEqualTo(30.0);
		assertThat(orders.path("p99_ms").asDouble()).isEqualTo(30.0);
		assertThat(orders.path("slow").asInt()).isEqualTo(1);
		assertThat(orders.path("timeouts").asInt()).isEqualTo(1);
		assertThat(orders.path("failed").asInt()).isEqualTo(1);
		assertThat(orders.path("pass_share_pct").asDouble()).isEqualTo(40.0);
	}

	@Test
	void listsTheRunsOfATopicNewestFirst() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("topicruns"));
		Instant now = Instant.now();
		long older = RunsApiIntegrationTests.post(api, token, Reports.report().startedAt(now.minusSeconds(300)));
		long newer = RunsApiIntegrationTests.post(api, token, Reports.report().startedAt(now.minusSeconds(100)));
		JsonNode runs = api.get("/api/v1/topics/orders/runs", token).json();
		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).path("run_id").asLong()).isEqualTo(newer);
		assertThat(runs.get(1).path("run_id").asLong()).isEqualTo(older);
		assertThat(runs.get(0).path("p95_ms").asDouble()).isEqualTo(5.0);
		assertThat(api.get("/api/v1/topics/orders/runs?limit=1", token).json()).hasSize(1);
		assertThat(api.get("/api/v1/topics/unknown.topic/runs", token).status()).isEqualTo(404);
	}

	@Test
	void choosesTheResolutionFromTheWindow() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("resolution"));
		RunsApiIntegrationTests.post(api, token, Reports.report());
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThat(resolution(api, token, to.minus(Duration.ofHours(24)), to, "")).isEqualTo("raw");
		assertThat(resolution(api, token, to.minus(Duration.ofHours(25)), to, "")).isEqualTo("hourly");
		assertThat(resolution(api, token, to.minus(Duration.ofDays(30)), to, "")).isEqualTo("hourly");
		assertThat(resolution(api, token, to.minus(Duration.ofDays(31)), to, "")).isEqualTo("daily");
		assertThat(resolution(api, token, to.minus(Duration.ofDays(365)), to, "")).isEqualTo("daily");
		assertThat(resolution(api, token, to.minus(Duration.ofHours(2)), to, "&resolution=daily")).isEqualTo("daily");
		assertThat(api.get("/api/v1/topics/orders/latency", token).json().path("resolution").asString())
			.isEqualTo("hourly");
	}

	@Test
	void refusesWindowsLongerThanAYearOrBackwards() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("window"));
		RunsApiIntegrationTests.post(api, token, Reports.report());
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThat(latency(api, token, to.minus(Duration.ofDays(366)), to, "").status()).isEqualTo(422);
		assertThat(latency(api, token, to, to.minusSeconds(1), "").status()).isEqualTo(422);
		assertThat(latency(api, token, to.minusSeconds(60), to, "&resolution=weekly").status()).isEqualTo(422);
		assertThat(api.get("/api/v1/topics/orders/latency?from=yesterday", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/topics/nothing/latency", token).status()).isEqualTo(404);
	}

	@Test
	void readsExactPercentilesPerRunAtRawResolution() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("raw"));
		Instant started = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
		api.postReport(token, hundredLatencies(started).json());
		JsonNode series = latency(api, token, started.minusSeconds(60), Instant.now(), "").json();
		assertThat(series.path("resolution").asString()).isEqualTo("raw");
		JsonNode point = series.path("points").get(0);
		assertThat(point.path("count").asLong()).isEqualTo(102);
		assertThat(point.path("samples").asLong()).isEqualTo(100);
		assertThat(point.path("p50_ms").asDouble()).isEqualTo(50.0);
		assertThat(point.path("p95_ms").asDouble()).isEqualTo(95.0);
		assertThat(point.path("p99_ms").asDouble()).isEqualTo(99.0);
		assertThat(point.path("timeouts").asLong()).isEqualTo(1);
		assertThat(point.path("failed").asLong()).isEqualTo(1);
		assertThat(series.path("summary").path("p95_ms").asDouble()).isEqualTo(95.0);
	}

	@Test
	void readsPercentilesFromTheHistogramsAtHourlyAndDailyResolution() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("rolled"));
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
		api.postReport(token, hundredLatencies(hour.plusSeconds(60)).json());
		api.postReport(token, hundredLatencies(hour.plusSeconds(120)).json());
		for (String resolution : List.of("hourly", "daily")) {
			JsonNode series = latency(api, token, hour.minus(Duration.ofDays(1)), Instant.now(),
					"&resolution=" + resolution)
				.json();
			assertThat(series.path("points")).hasSize(1);
			JsonNode point = series.path("points").get(0);
			assertThat(point.path("count").asLong()).isEqualTo(204);
			assertThat(point.path("samples").asLong()).isEqualTo(200);
			assertThat(point.path("p50_ms").asDouble()).isCloseTo(50.0, within(0.05));
			assertThat(point.path("p95_ms").asDouble()).isCloseTo(95.0, within(0.1));
			assertThat(point.path("p99_ms").asDouble()).isCloseTo(99.0, within(0.1));
			assertThat(point.path("min_ms").asDouble()).isEqualTo(1.0);
			assertThat(point.path("max_ms").asDouble()).isEqualTo(100.0);
			assertThat(point.path("timeouts").asLong()).isEqualTo(2);
		}
	}

	@Test
	void readsTheWindowsPercentilesFromTheMergeOfItsBucketsHistograms() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("merged"));
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
		List<Double> all = new ArrayList<>();
		// two hours of one day at 10 ms, then a day later 94 handles at 20 ms and 6 at 1
		// s:
		// each bucket's p95 is 10 ms or 1 s, but of all 200 handles 190 took 20 ms or
		// less
		postLatencies(api, token, day.plus(Duration.ofHours(2)), all, 50, 10);
		postLatencies(api, token, day.plus(Duration.ofHours(5)), all, 50, 10);
		postLatencies(api, token, day.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)), all, 94, 20, 6, 1000);
		all.sort(null);
		double p95 = LatencyQueries.nearestRank(all, 95);
		assertThat(p95).isEqualTo(20.0);
		for (String resolution : List.of("hourly", "daily")) {
			JsonNode series = latency(api, token, day.minus(Duration.ofDays(1)), Instant.now(),
					"&resolution=" + resolution)
				.json();
			assertThat(series.path("resolution").asString()).isEqualTo(resolution);
			List<Double> bucketP95s = series.path("points")
				.valueStream()
				.map((p) -> p.path("p95_ms").asDouble())
				.toList();
			assertThat(bucketP95s).hasSize(resolution.equals("hourly") ? 3 : 2);
			double mean = bucketP95s.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
			double max = bucketP95s.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
			assertThat(mean).as("the mean of the buckets' p95").isGreaterThan(2 * p95);
			assertThat(max).as("the highest of the buckets' p95").isGreaterThan(2 * p95);
			JsonNode summary = series.path("summary");
			assertThat(summary.path("samples").asLong()).isEqualTo(all.size());
			// HdrHistogram with 3 significant digits: within 0.1 %
			assertThat(summary.path("p95_ms").asDouble()).as(resolution).isCloseTo(p95, within(p95 / 1000));
			assertThat(summary.path("p50_ms").asDouble()).isCloseTo(LatencyQueries.nearestRank(all, 50),
					within(LatencyQueries.nearestRank(all, 50) / 1000));
			assertThat(summary.path("p99_ms").asDouble()).isCloseTo(LatencyQueries.nearestRank(all, 99),
					within(LatencyQueries.nearestRank(all, 99) / 1000));
		}
	}

	@Test
	void includesTheNewestBucketWhileItIsStillFilling() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("newest"));
		Instant now = Instant.now();
		String window = "&resolution=hourly";
		api.postReport(token,
				Reports.report().startedAt(now.minusSeconds(1)).scenarios(3, Reports.pass("orders", 7)).json());
		JsonNode first = latency(api, token, now.minus(Duration.ofHours(3)), now.plusSeconds(5), window).json();
		JsonNode last = first.path("points").get(first.path("points").size() - 1);
		assertThat(last.path("time").asString())
			.startsWith(now.truncatedTo(ChronoUnit.HOURS).toString().replace("Z", ""));
		assertThat(last.path("count").asLong()).isEqualTo(3);
		api.postReport(token, Reports.report().startedAt(now).scenarios(2, Reports.pass("orders", 9)).json());
		JsonNode second = latency(api, token, now.minus(Duration.ofHours(3)), now.plusSeconds(5), window).json();
		JsonNode updated = second.path("points").get(second.path("points").size() - 1);
		assertThat(updated.path("count").asLong()).isEqualTo(5);
		assertThat(updated.path("p99_ms").asDouble()).isCloseTo(9.0, within(0.01));
	}

	/**
	 * Post one run of pass handles: count handles of each latency, in (count, latency)
	 * pairs, collecting the latencies.
	 */
	private static void postLatencies(Api api, String token, Instant started, List<Double> collected,
			double... countsAndLatencies) {
		Reports.Builder report = Reports.report().startedAt(started);
		for (int i = 0; i < countsAndLatencies.length; i += 2) {
			for (int n = 0; n < (int) countsAndLatencies[i]; n++) {
				report.scenario(Reports.pass("orders", countsAndLatencies[i + 1]));
				collected.add(countsAndLatencies[i + 1]);
			}
		}
		assertThat(api.postReport(token, report.json()).status()).isEqualTo(201);
	}

	private static Reports.Builder hundredLatencies(Instant started) {
		Reports.Builder report = Reports.report().startedAt(started);
		List<Integer> latencies = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			latencies.add(i);
		}
		java.util.Collections.shuffle(latencies, new java.util.Random(7));
		latencies.forEach((latency) -> report.scenario(Reports.pass("orders", latency)));
		report.scenario(Reports.timeout("orders"));
		report.scenario(Reports.fail("orders"));
		return report;
	}

	private static String resolution(Api api, String token, Instant from, Instant to, String extra) {
		Api.Response response = latency(api, token, from, to, extra);
		assertThat(response.status()).isEqualTo(200);
		return response.json().path("resolution").asString();
	}

	private static Api.Response latency(Api api, String token, Instant from, Instant to, String extra) {
		return api.get("/api/v1/topics/orders/latency?from=" + from + "&to=" + to + extra, token);
	}

}

package dev.choreo.chronicle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports with one run key (CI shards) merge into one run, whichever arrives first.
 */
class ShardMergeIntegrationTests extends ApiIntegrationTest {

	@Test
	void mergesShardsByTheRunHeader() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("shards"));
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
		Api.Response first = api.postReport(token,
				Reports.report().startedAt(start.plusSeconds(5)).scenarios(2, Reports.pass("orders", 4)).json(),
				"X-Chronicle-Run", "ci-123");
		Api.Response second = api.postReport(token,
				Reports.report().startedAt(start).scenarios(3, Reports.pass("orders", 6)).json(), "X-Chronicle-Run",
				"ci-123");
		assertThat(first.json().path("merged").asBoolean()).isFalse();
		assertThat(second.json().path("merged").asBoolean()).isTrue();
		long id = first.json().path("run_id").asLong();
		assertThat(second.json().path("run_id").asLong()).isEqualTo(id);
		JsonNode run = api.get("/api/v1/runs/" + id, token).json();
		assertThat(run.path("run").path("shards").asInt()).isEqualTo(2);
		assertThat(run.path("run").path("scenarios").asInt()).isEqualTo(5);
		assertThat(run.path("run").path("handles").asInt()).isEqualTo(5);
		assertThat(run.path("run").path("totals").path("total").asInt()).isEqualTo(2);
		assertThat(run.path("run").path("started_at").asString()).startsWith(start.toString().replace("Z", ""));
		assertThat(run.path("scenario_list")).hasSize(5);
		assertThat(run.path("topics").get(0).path("handles").asInt()).isEqualTo(5);
		assertThat(run.path("topics").get(0).path("p50_ms").asDouble()).isEqualTo(6.0);
		JsonNode raw = api.get("/api/v1/runs/" + id + "/raw", token).json();
		assertThat(raw.path("shards")).hasSize(2);
	}

	@Test
	void mergesShardsByTheRunKeyField() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("runkey"));
		ObjectNode first = Reports.report().scenario(Reports.pass("orders", 4)).node();
		first.put("run_key", "pipeline-7");
		ObjectNode second = Reports.report().scenario(Reports.pass("orders", 4)).node();
		second.put("run_key", "pipeline-7");
		long id = api.postReport(token, first.toString()).json().path("run_id").asLong();
		assertThat(api.postReport(token, second.toString()).json().path("run_id").asLong()).isEqualTo(id);
		assertThat(api.get("/api/v1/runs", token).json()).hasSize(1);
	}

	@Test
	void keepsRunsWithoutARunKeyApart() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("nokey"));
		String report = Reports.report().scenario(Reports.pass("orders", 4)).json();
		long first = api.postReport(token, report).json().path("run_id").asLong();
		long second = api.postReport(token, report).json().path("run_id").asLong();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void mergesConcurrentShardsIntoOneRun() throws Exception {
		Api api = api();
		String token = api.newTenant(uniqueTenant("concurrent"));
		int shards = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(shards);
		try {
			List<Future<Api.Response>> responses = new ArrayList<>();
			for (int i = 0; i < shards; i++) {
				String report = Reports.report()
					.scenarios(10, Reports.pass("orders.created", 3 + i), Reports.slow("orders.settled", 40, 20))
					.json();
				Callable<Api.Response> post = () -> {
					start.await();
					return api.postReport(token, report, "X-Chronicle-Run", "matrix-9");
				};
				responses.add(pool.submit(post));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			int created = 0;
			for (Future<Api.Response> response : responses) {
				Api.Response result = response.get(120, TimeUnit.SECONDS);
				assertThat(result.status()).isEqualTo(201);
				ids.add(result.json().path("run_id").asLong());
				created += result.json().path("merged").asBoolean() ? 0 : 1;
			}
			assertThat(ids).containsOnly(ids.get(0));
			assertThat(created).isEqualTo(1);
			JsonNode run = api.get("/api/v1/runs/" + ids.get(0), token).json().path("run");
			assertThat(run.path("shards").asInt()).isEqualTo(shards);
			assertThat(run.path("scenarios").asInt()).isEqualTo(10 * shards);
			assertThat(run.path("handles").asInt()).isEqualTo(20 * shards);
			JsonNode topics = api.get("/api/v1/topics", token).json();
			assertThat(topics).hasSize(2);
			JsonNode hourly = api.get("/api/v1/topics/orders.settled/latency?resolution=hourly", token).json();
			long count = 0;
			for (JsonNode point : hourly.path("points")) {
				count += point.path("count").asLong();
			}
			assertThat(count).isEqualTo(10L * shards);
			assertThat(hourly.path("summary").path("samples").asLong()).isEqualTo(10L * shards);
		}
		finally {
			pool.shutdownNow();
		}
	}

}

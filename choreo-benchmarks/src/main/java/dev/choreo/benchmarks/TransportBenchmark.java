package dev.choreo.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static dev.choreo.match.Matchers.fieldEquals;

/**
 * Each transport against its raw client, side by side in one run on loopback:
 * <ul>
 * <li>round trip: the raw client's publish → receive against the harness's
 * {@code expect + publish + awaitAll}, median and p99, measured in interleaved blocks so
 * both see the same machine;</li>
 * <li>the raw client again with each received message handed through one and two more
 * threads before the test thread gets it: what a thread hand-over costs, so what a
 * harness would save by handing a message straight to the waiting test thread;</li>
 * <li>1,000 concurrent correlated scenarios on one harness against the raw client routing
 * by correlation id by hand, total time;</li>
 * <li>for Kafka, the time from {@code expect} on a topic the harness has not used until
 * it is live and until its first match, on an existing topic and on one the transport
 * creates, against the raw consumer's assignment.</li>
 * </ul>
 * Run with {@code java -cp benchmarks.jar dev.choreo.benchmarks.TransportBenchmark [nats]
 * [redis] [rabbitmq] [kafka] [kafka-live]}; {@code -Diterations=N} sets the round trips
 * per side, {@code -Dwarmup=N} the round trips per side before measuring (default 10,000,
 * enough for the JIT compiler to finish with the harness's path; 300 shows it as a short
 * test suite sees it); {@code kafka-live} runs only Kafka's time until live.
 */
public final class TransportBenchmark {

	private static final int BLOCK = 100;

	private TransportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> brokers = (args.length > 0) ? Arrays.asList(args) : List.of("nats", "redis", "rabbitmq", "kafka");
		int iterations = Integer.getInteger("iterations", 3000);
		int concurrent = Integer.getInteger("concurrent", 1000);
		int warmup = Integer.getInteger("warmup", 10_000);
		if (!brokers.equals(List.of("kafka-live"))) {
			System.out.printf(Locale.ROOT, "%-9s %12s %12s %12s %12s %12s %14s %14s %12s %12s%n", "broker",
					"raw p50 us", "harness p50", "delta p50", "raw p99 us", "harness p99", "raw 1000 ms",
					"harness 1000", "raw+1 hop", "raw+2 hops");
		}
		for (String broker : brokers) {
			if (broker.equals("kafka-live")) {
				try (KafkaFixture fixture = new KafkaFixture();
						Harness harness = Harness.builder(fixture.transport())
							.correlation(CorrelationPolicy.field("correlation_id"))
							.build()
							.connect()) {
					fixture.extra(harness);
				}
				continue;
			}
			try (BrokerFixture fixture = BrokerFixture.of(broker)) {
				run(fixture, warmup, iterations, concurrent);
			}
		}
	}

	private static void run(BrokerFixture fixture, int warmup, int iterations, int concurrent) throws Exception {
		String topic = fixture.topic("bench");
		try (RawClient raw = fixture.raw(fixture.topic("raw"));
				Harness harness = Harness.builder(fixture.transport())
					.correlation(CorrelationPolicy.field("correlation_id"))
					.build()
					.connect()) {
			HarnessRoundTrip scenarios = new HarnessRoundTrip(harness, topic);
			for (int i = 0; i < warmup; i++) {
				raw.roundTrip(i);
				scenarios.roundTrip(i);
			}
			long[] rawTimes = new long[iterations];
			long[][] relayedTimes = { new long[iterations], new long[iterations] };
			long[] harnessTimes = new long[iterations];
			for (int block = 0; block < iterations; block += BLOCK) {
				for (int i = block; i < Math.min(iterations, block + BLOCK); i++) {
					rawTimes[i] = raw.roundTrip(i);
				}
				for (int hops = 1; hops <= 2; hops++) {
					for (int i = block; i < Math.min(iterations, block + BLOCK); i++) {
						relayedTimes[hops - 1][i] = raw.roundTrip(i, hops);
					}
				}
				for (int i = block; i < Math.min(iterations, block + BLOCK); i++) {
					harnessTimes[i] = scenarios.roundTrip(i);
				}
			}
			long rawConcurrent = raw.concurrent(concurrent);
			long harnessConcurrent = concurrentScenarios(harness, fixture.topic("concurrent"), concurrent);
			Arrays.sort(rawTimes);
			Arrays.sort(relayedTimes[0]);
			Arrays.sort(relayedTimes[1]);
			Arrays.sort(harnessTimes);
			System.out.printf(Locale.ROOT, "%-9s %12.1f %12.1f %12.1f %12.1f %12.1f %14.1f %14.1f %12.1f %12.1f%n",
					fixture.name(), micros(percentile(rawTimes, 50)), micros(percentile(harnessTimes, 50)),
					micros(percentile(harnessTimes, 50) - percentile(rawTimes, 50)), micros(percentile(rawTimes, 99)),
					micros(percentile(harnessTimes, 99)), rawConcurrent / 1e6, harnessConcurrent / 1e6,
					micros(percentile(relayedTimes[0], 50)), micros(percentile(relayedTimes[1], 50)));
			fixture.extra(harness);
		}
	}

	static long percentile(long[] sorted, int percentile) {
		int index = (int) Math.min(sorted.length - 1, Math.floor(percentile / 100.0 * sorted.length));
		return sorted[index];
	}

	static double micros(long nanos) {
		return nanos / 1000.0;
	}

	static long concurrentScenarios(Harness harness, String topic, int count) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(64);
		try {
			warmTopic(harness, topic);
			List<Callable<Outcome>> tasks = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				tasks.add(() -> {
					try (Scenario scenario = harness.scenario("concurrent")) {
						scenario.expect(topic, fieldEquals("n", n));
						ScenarioResult result = scenario.publish(topic, Map.of("n", n))
							.awaitAll(Duration.ofSeconds(30));
						return result.outcome();
					}
				});
			}
			long start = System.nanoTime();
			for (Future<Outcome> outcome : executor.invokeAll(tasks)) {
				if (outcome.get() != Outcome.PASS) {
					throw new IllegalStateException("a concurrent scenario did not pass: " + outcome.get());
				}
			}
			return System.nanoTime() - start;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void warmTopic(Harness harness, String topic) {
		try (Scenario scenario = harness.scenario("warm")) {
			scenario.expect(topic, fieldEquals("n", -1));
			scenario.publish(topic, Map.of("n", -1)).awaitAll(Duration.ofSeconds(30));
		}
	}

	static byte[] payload(int n, String correlationId) {
		return ("{\"n\":" + n + ",\"correlation_id\":\"" + correlationId + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The harness side: one whole scenario per round trip.
	 */
	static final class HarnessRoundTrip {

		private final Harness harness;

		private final String topic;

		HarnessRoundTrip(Harness harness, String topic) {
			this.harness = harness;
			this.topic = topic;
		}

		long roundTrip(int n) {
			long start = System.nanoTime();
			try (Scenario scenario = this.harness.scenario("round-trip")) {
				scenario.expect(this.topic, fieldEquals("n", n));
				ScenarioResult result = scenario.publish(this.topic, Map.of("n", n)).awaitAll(Duration.ofSeconds(10));
				if (!result.passed()) {
					throw new IllegalStateException(result.failureSummary());
				}
			}
			return System.nanoTime() - start;
		}

	}

	/**
	 * The raw client side: publish, then wait for the message on a subscription made
	 * once.
	 */
	abstract static class RawClient implements AutoCloseable {

		private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

		private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();

		private volatile boolean routing;

		private final ExecutorService[] relays = { relay(1), relay(2) };

		private volatile int hops;

		private static ExecutorService relay(int n) {
			return Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "bench-raw-relay-" + n);
				thread.setDaemon(true);
				return thread;
			});
		}

		/**
		 * Deliver a received payload to this client.
		 */
		final void deliver(byte[] payload) {
			relay(payload, this.hops);
		}

		/**
		 * Hand the payload on through {@code hops} more threads before the waiting test
		 * thread gets it: what each thread hand-over costs on this machine.
		 */
		private void relay(byte[] payload, int hops) {
			if (hops > 0) {
				this.relays[hops - 1].execute(() -> relay(payload, hops - 1));
				return;
			}
			if (!this.routing) {
				this.received.add(payload);
				return;
			}
			String id = Json.MAPPER.readTree(payload).path("correlation_id").asString("");
			CompletableFuture<byte[]> future = this.pending.get(id);
			if (future != null) {
				future.complete(payload);
			}
		}

		abstract void publish(byte[] payload) throws Exception;

		/**
		 * One round trip with the received message handed through {@code hops} more
		 * threads.
		 */
		long roundTrip(int n, int hops) throws Exception {
			this.hops = hops;
			try {
				return roundTrip(n);
			}
			finally {
				this.hops = 0;
			}
		}

		long roundTrip(int n) throws Exception {
			byte[] payload = payload(n, "raw");
			long start = System.nanoTime();
			publish(payload);
			byte[] message = this.received.poll(10, TimeUnit.SECONDS);
			if (message == null) {
				throw new IllegalStateException("raw round trip lost a message");
			}
			return System.nanoTime() - start;
		}

		long concurrent(int count) throws Exception {
			this.routing = true;
			ExecutorService executor = Executors.newFixedThreadPool(64);
			try {
				List<Callable<byte[]>> tasks = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					int n = i;
					tasks.add(() -> {
						String id = UUID.randomUUID().toString();
						CompletableFuture<byte[]> future = new CompletableFuture<>();
						this.pending.put(id, future);
						try {
							publish(payload(n, id));
							return future.get(30, TimeUnit.SECONDS);
						}
						finally {
							this.pending.remove(id);
						}
					});
				}
				long start = System.nanoTime();
				for (Future<byte[]> result : executor.invokeAll(tasks)) {
					result.get();
				}
				return System.nanoTime() - start;
			}
			finally {
				executor.shutdownNow();
				this.routing = false;
			}
		}

		@Override
		public abstract void close() throws Exception;

	}

	/**
	 * A broker, its raw client and its transport.
	 */
	interface BrokerFixture extends AutoCloseable {

		String name();

		String topic(String base);

		RawClient raw(String topic) throws Exception;

		Transport transport();

		default void extra(Harness harness) throws Exception {
		}

		@Override
		default void close() throws Exception {
		}

		static BrokerFixture of(String name) throws Exception {
			return switch (name) {
				case "nats" -> new NatsFixture();
				case "rabbitmq" -> new RabbitFixture();
				case "kafka" -> new KafkaFixture();
				case "redis" -> new RedisFixture();
				default -> throw new IllegalArgumentException(
						"Unknown broker " + name + "; choose nats, redis, rabbitmq or kafka");
			};
		}

	}

	/**
	 * The raw side's JSON reader, made on first use only: a cold start of the raw client
	 * must not load Jackson.
	 */
	static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

		private Json() {
		}

	}

	static Consumer<byte[]> ignore() {
		return (bytes) -> {
		};
	}

	static @Nullable String environment(String name) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : null;
	}

}

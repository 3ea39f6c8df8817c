package dev.choreo.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.correlation.CorrelationPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The first harness in a JVM against the broker's raw client, each sample in a JVM of its
 * own, the two sides alternating so both see the same machine.
 * <p>
 * <em>Setup</em> runs from the start of {@code main} until the client can receive: for
 * the raw client a connection (and, for Kafka, a producer and an assigned consumer on a
 * new topic) subscribed to its topic; for Choreo
 * {@code Harness.builder(transport)...connect()}. <em>First test</em> is setup plus one
 * round trip: the raw client publishes and receives its message, the harness runs a whole
 * scenario ({@code expect}, {@code publish}, {@code awaitAll}) on a topic it has not
 * used. Both sides run on the same class path and JVM options, so JVM start-up before
 * {@code main} is the same and left out.
 * <p>
 * Run with {@code java -cp ... dev.choreo.benchmarks.ColdStartBenchmark [nats] [redis]
 * [rabbitmq] [kafka]}; {@code -Drounds=N} sets the samples per side (default 15).
 * {@code -Dbefore.classpath=...} adds a third side: Choreo from that class path (an
 * earlier release's jars in place of this one's), so a change is measured before and
 * after in one run. Kafka runs against an in-process broker in this JVM unless
 * {@code CHOREO_KAFKA_BOOTSTRAP} names one.
 */
public final class ColdStartBenchmark {

	private static final String CHILD = "--child";

	private ColdStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[0].equals(CHILD)) {
			child(args[1], args[2]);
			return;
		}
		List<String> brokers = (args.length > 0) ? Arrays.asList(args) : List.of("nats", "redis", "rabbitmq", "kafka");
		int rounds = Integer.getInteger("rounds", 15);
		@Nullable EmbeddedKafkaKraftBroker kafka = null;
		String bootstrap = TransportBenchmark.environment("CHOREO_KAFKA_BOOTSTRAP");
		if (brokers.contains("kafka") && bootstrap == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1);
			kafka.brokerListProperty("choreo.bench.kafka.cold");
			kafka.afterPropertiesSet();
			bootstrap = kafka.getBrokersAsString();
		}
		try {
			System.out.printf(Locale.ROOT, "%-9s %-7s %6s %13s %8s %13s %19s%n", "broker", "side", "rounds", "setup",
					"/ raw", "target", "setup + 1st test");
			for (String broker : brokers) {
				report(broker, rounds, bootstrap);
			}
		}
		finally {
			if (kafka != null) {
				kafka.destroy();
			}
		}
	}

	private static void report(String broker, int rounds, @Nullable String bootstrap) throws Exception {
		String before = System.getProperty("before.classpath");
		List<String> sides = (before != null) ? List.of("raw", "before", "choreo") : List.of("raw", "choreo");
		Map<String, List<long[]>> samples = new LinkedHashMap<>();
		for (String side : sides) {
			samples.put(side, new ArrayList<>());
		}
		for (int round = 0; round < rounds; round++) {
			List<String> order = new ArrayList<>(sides);
			Collections.rotate(order, round);
			for (String side : order) {
				String classPath = (side.equals("before") && before != null) ? before
						: System.getProperty("java.class.path");
				String run = side.equals("raw") ? "raw" : "choreo";
				Objects.requireNonNull(samples.get(side)).add(sample(broker, run, classPath, bootstrap));
			}
		}
		for (Map.Entry<String, List<long[]>> side : samples.entrySet()) {
			double setup = median(side.getValue(), 0);
			double raw = median(Objects.requireNonNull(samples.get("raw")), 0);
			System.out.printf(Locale.ROOT, "%-9s %-7s %6d %10.1f ms %8.2f %10.1f ms %16.1f ms%n", broker, side.getKey(),
					rounds, setup, setup / raw, 2 * raw + 50, median(side.getValue(), 1));
		}
	}

	private static long[] sample(String broker, String side, String classPath, @Nullable String bootstrap)
			throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-X") && !argument.startsWith("-Xlog"))
			.toList());
		command.add("-cp");
		command.add(classPath);
		command.add(ColdStartBenchmark.class.getName());
		command.add(CHILD);
		command.add(broker);
		command.add(side);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (bootstrap != null) {
			builder.environment().put("CHOREO_KAFKA_BOOTSTRAP", bootstrap);
		}
		Process process = builder.start();
		long[] result = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append(System.lineSeparator());
				if (line.startsWith("cold-start ")) {
					String[] parts = line.split(" ");
					result = new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
				}
			}
		}
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || result == null) {
			throw new IllegalStateException(broker + " " + side + " cold start failed:" + File.separator + output);
		}
		return result;
	}

	private static double median(List<long[]> samples, int index) {
		long[] values = samples.stream().mapToLong((sample) -> sample[index]).sorted().toArray();
		return TransportBenchmark.percentile(values, 50) / 1e6;
	}

	private static void child(String broker, String side) throws Exception {
		long start = System.nanoTime();
		long setup;
		long first;
		try (TransportBenchmark.BrokerFixture fixture = TransportBenchmark.BrokerFixture.of(broker)) {
			if (side.equals("raw")) {
				try (TransportBenchmark.RawClient raw = fixture.raw(fixture.topic("cold-raw"))) {
					setup = System.nanoTime() - start;
					raw.roundTrip(0);
					first = System.nanoTime() - start;
				}
			}
			else {
				try (Harness harness = Harness.builder(fixture.transport())
					.correlation(CorrelationPolicy.field("correlation_id"))
					.build()
					.connect()) {
					setup = System.nanoTime() - start;
					new TransportBenchmark.HarnessRoundTrip(harness, fixture.topic("cold-choreo")).roundTrip(0);
					first = System.nanoTime() - start;
				}
			}
		}
		System.out.println("cold-start " + setup + " " + first);
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

}

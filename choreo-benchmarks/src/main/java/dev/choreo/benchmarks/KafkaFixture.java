package dev.choreo.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.transport.Transport;
import dev.choreo.transport.kafka.KafkaTransport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static dev.choreo.match.Matchers.fieldEquals;

/**
 * Kafka: an in-process KRaft broker (or {@code CHOREO_KAFKA_BOOTSTRAP}); the Kafka
 * clients (producer with {@code linger.ms=0} and {@code acks=all}, consumer assigned and
 * positioned at the end) against the Kafka transport. Also measures how long
 * {@code expect} on a new topic takes to go live.
 */
final class KafkaFixture implements TransportBenchmark.BrokerFixture {

	private final @Nullable EmbeddedKafkaKraftBroker broker;

	private final String bootstrap;

	KafkaFixture() {
		String external = TransportBenchmark.environment("CHOREO_KAFKA_BOOTSTRAP");
		if (external != null) {
			this.broker = null;
			this.bootstrap = external;
		}
		else {
			EmbeddedKafkaKraftBroker embedded = new EmbeddedKafkaKraftBroker(1, 1);
			embedded.brokerListProperty("choreo.bench.kafka");
			embedded.afterPropertiesSet();
			this.broker = embedded;
			this.bootstrap = embedded.getBrokersAsString();
		}
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public String topic(String base) {
		return "choreo_bench_" + base + "_" + UUID.randomUUID();
	}

	@Override
	public TransportBenchmark.RawClient raw(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
						20, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		TopicPartition partition = new TopicPartition(topic, 0);
		consumer.assign(List.of(partition));
		consumer.seekToEnd(List.of(partition));
		consumer.position(partition);
		AtomicBoolean running = new AtomicBoolean(true);
		TransportBenchmark.RawClient client = new TransportBenchmark.RawClient() {

			@Override
			void publish(byte[] payload) throws Exception {
				producer.send(new ProducerRecord<>(topic, payload));
			}

			@Override
			public void close() throws Exception {
				running.set(false);
				consumer.wakeup();
				producer.close(Duration.ofSeconds(5));
			}

		};
		Thread poller = new Thread(() -> {
			try {
				while (running.get()) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
						client.deliver(record.value());
					}
				}
			}
			catch (org.apache.kafka.common.errors.WakeupException ex) {
				// closing
			}
			finally {
				consumer.close(Duration.ofSeconds(2));
			}
		}, "bench-raw-kafka-consumer");
		poller.setDaemon(true);
		poller.start();
		return client;
	}

	@Override
	public Transport transport() {
		return KafkaTransport.builder(this.bootstrap).build();
	}

	/**
	 * How long an expectation on a topic the harness has not used yet takes to go live
	 * and to see its first message, on a topic that already exists (created beforehand by
	 * an admin client) and on one that does not (the transport creates it), against the
	 * raw consumer doing the same: assigning a partition of an existing topic and
	 * positioning it at the end, on a consumer that is already open, and on a fresh one.
	 * The kinds take turns, sample by sample; {@code -DliveSamples=N} sets the samples
	 * per kind.
	 */
	@Override
	public void extra(Harness harness) throws Exception {
		int samples = Integer.getInteger("liveSamples", 30);
		int warmup = 3;
		int total = samples + warmup;
		List<String> existing = new ArrayList<>();
		List<String> rawOpen = new ArrayList<>();
		List<String> rawFresh = new ArrayList<>();
		List<String> described = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			existing.add(topic("existing" + i));
			rawOpen.add(topic("rawopen" + i));
			rawFresh.add(topic("rawfresh" + i));
			described.add(topic("described" + i));
		}
		String anchor = topic("anchor");
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
			List<String> all = new ArrayList<>(existing);
			all.addAll(rawOpen);
			all.addAll(rawFresh);
			all.addAll(described);
			all.add(anchor);
			admin.createTopics(all.stream().map((name) -> new NewTopic(name, 1, (short) 1)).toList()).all().get();
			awaitDescribed(admin, all);
			try (KafkaConsumer<byte[], byte[]> open = rawConsumer()) {
				TopicPartition anchorPartition = new TopicPartition(anchor, 0);
				open.assign(List.of(anchorPartition));
				open.seekToEnd(List.of(anchorPartition));
				open.position(anchorPartition);
				open.poll(Duration.ofMillis(50));
				Samples openAssign = new Samples("raw assign + seekToEnd + position, consumer open");
				Samples freshAssign = new Samples("raw new consumer + assign + seekToEnd + position");
				Samples describe = new Samples("raw admin describeTopics, one topic");
				Samples existingLive = new Samples("expect, existing topic: live");
				Samples existingMatch = new Samples("expect, existing topic: first match");
				Samples createdLive = new Samples("expect, new topic (created): live");
				Samples createdMatch = new Samples("expect, new topic (created): first match");
				for (int i = 0; i < total; i++) {
					boolean counted = i >= warmup;
					openAssign.add(counted, assignOpen(open, rawOpen.get(i)));
					freshAssign.add(counted, assignFresh(rawFresh.get(i)));
					describe.add(counted, describe(admin, described.get(i)));
					long[] times = expectAndMatch(harness, existing.get(i), i);
					existingLive.add(counted, times[0]);
					existingMatch.add(counted, times[1]);
					times = expectAndMatch(harness, topic("created" + i), i);
					createdLive.add(counted, times[0]);
					createdMatch.add(counted, times[1]);
				}
				System.out.printf(Locale.ROOT, "%-56s %10s %10s %6s%n", "kafka: time until live", "median ms", "p90 ms",
						"n");
				for (Samples kind : List.of(openAssign, freshAssign, describe, existingLive, existingMatch, createdLive,
						createdMatch)) {
					kind.print();
				}
			}
		}
	}

	private KafkaConsumer<byte[], byte[]> rawConsumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
						20, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, 20),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static void awaitDescribed(Admin admin, List<String> topics) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				admin.describeTopics(topics).allTopicNames().get();
				return;
			}
			catch (ExecutionException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
		}
	}

	private static long assignOpen(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		TopicPartition partition = new TopicPartition(topic, 0);
		long start = System.nanoTime();
		Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
		assignment.add(partition);
		consumer.assign(assignment);
		consumer.seekToEnd(List.of(partition));
		consumer.position(partition);
		long time = System.nanoTime() - start;
		assignment.remove(partition);
		consumer.assign(assignment);
		return time;
	}

	private long assignFresh(String topic) {
		TopicPartition partition = new TopicPartition(topic, 0);
		long start = System.nanoTime();
		KafkaConsumer<byte[], byte[]> consumer = rawConsumer();
		try {
			consumer.assign(List.of(partition));
			consumer.seekToEnd(List.of(partition));
			consumer.position(partition);
			return System.nanoTime() - start;
		}
		finally {
			consumer.close(Duration.ofSeconds(2));
		}
	}

	private static long describe(Admin admin, String topic) throws Exception {
		long start = System.nanoTime();
		admin.describeTopics(List.of(topic)).allTopicNames().get();
		return System.nanoTime() - start;
	}

	/**
	 * Expect on a topic, then publish the message it waits for: the time until the
	 * expectation is live, and until it matched.
	 */
	private static long[] expectAndMatch(Harness harness, String topic, int n) {
		try (Scenario scenario = harness.scenario("live")) {
			long start = System.nanoTime();
			scenario.expect(topic, fieldEquals("n", n));
			long live = System.nanoTime() - start;
			ScenarioResult result = scenario.publish(topic, Map.of("n", n)).awaitAll(Duration.ofSeconds(30));
			long matched = System.nanoTime() - start;
			if (!result.passed()) {
				throw new IllegalStateException(result.failureSummary());
			}
			return new long[] { live, matched };
		}
	}

	/**
	 * The samples of one kind, warm-up left out.
	 */
	private static final class Samples {

		private final String name;

		private final List<Long> times = new ArrayList<>();

		Samples(String name) {
			this.name = name;
		}

		void add(boolean counted, long nanos) {
			if (counted) {
				this.times.add(nanos);
			}
		}

		void print() {
			long[] sorted = this.times.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "%-56s %10.2f %10.2f %6d%n", this.name,
					TransportBenchmark.percentile(sorted, 50) / 1e6, TransportBenchmark.percentile(sorted, 90) / 1e6,
					sorted.length);
		}

	}

	@Override
	public void close() {
		if (this.broker != null) {
			this.broker.destroy();
		}
	}

}

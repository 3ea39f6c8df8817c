package dev.choreo.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.Harness;
import dev.choreo.Scenario;
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
	 * Time from {@code expect} on a topic that does not exist yet until the expectation
	 * is live (topic creation, assignment and positioning included).
	 */
	@Override
	public void extra(Harness harness) {
		int count = 30;
		long[] times = new long[count];
		for (int i = 0; i < count; i++) {
			String topic = topic("live" + i);
			try (Scenario scenario = harness.scenario("live")) {
				long start = System.nanoTime();
				scenario.expect(topic);
				times[i] = System.nanoTime() - start;
			}
		}
		Arrays.sort(times);
		System.out.printf(Locale.ROOT, "kafka: expect on a new topic live in %.1f ms (median of %d), p99 %.1f ms%n",
				TransportBenchmark.percentile(times, 50) / 1e6, count, TransportBenchmark.percentile(times, 99) / 1e6);
	}

	@Override
	public void close() {
		if (this.broker != null) {
			this.broker.destroy();
		}
	}

}

package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.Waits;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the contract does not cover, on the test broker: no consumer group ever, the
 * shared assignment, existing topics with several partitions, an application's template,
 * keys and binary headers both ways, replies to a {@code ReplyingKafkaTemplate}, and
 * clean-up.
 */
class KafkaTransportIntegrationTests {

	private static final String PREFIX = "choreo-it";

	private String bootstrap;

	@BeforeEach
	void requireBroker() {
		KafkaBrokers.require();
		this.bootstrap = KafkaBrokers.bootstrap();
	}

	private KafkaTransport transport() {
		return KafkaTransport.builder(this.bootstrap).clientIdPrefix(PREFIX).build();
	}

	private static String topic(String base) {
		return "choreo.it." + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void servesAnExpectationOnANewTopicWithoutJoiningAConsumerGroup() {
		Set<String> groupsBefore = groups();
		try (Harness harness = Harness.builder(transport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("no-group")) {
			String topic = topic("no-group");
			Handle handle = scenario.expect(topic, fieldEquals("status", "OK"));
			scenario.publish(topic, Map.of("status", "OK")).awaitAll(Duration.ofSeconds(10)).assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(groups()).isEqualTo(groupsBefore).noneMatch((group) -> group.startsWith(PREFIX));
		}
	}

	@Test
	void sharesOneAssignmentPerTopicAndDropsItWithTheLastSubscription() throws Exception {
		try (KafkaTransport transport = transport()) {
			transport.connect(TransportListener.NONE);
			String topic = topic("shared");
			BlockingQueue<TransportMessage> first = new LinkedBlockingQueue<>();
			BlockingQueue<TransportMessage> second = new LinkedBlockingQueue<>();
			Subscription one = subscribe(transport, topic, first);
			Subscription two = subscribe(transport, topic, second);
			assertThat(transport.assignment()).containsExactly(new TopicPartition(topic, 0));
			one.unsubscribe();
			assertThat(transport.assignment()).containsExactly(new TopicPartition(topic, 0));
			publish(transport, TransportMessage.of(topic, bytes("after-one")));
			assertThat(payload(second)).isEqualTo("after-one");
			assertThat(first).isEmpty();
			two.unsubscribe();
			assertThat(Waits.until(Duration.ofSeconds(10), () -> transport.assignment().isEmpty()))
				.as("the topic leaves the assignment with its last subscription")
				.isTrue();
			publish(transport, TransportMessage.of(topic, bytes("while-unassigned")));
			BlockingQueue<TransportMessage> again = new LinkedBlockingQueue<>();
			subscribe(transport, topic, again);
			publish(transport, TransportMessage.of(topic, bytes("after-again")));
			assertThat(payload(again)).as("a new subscription starts at the end").isEqualTo("after-again");
		}
	}

	@Test
	void readsEveryPartitionOfAnExistingTopic() throws Exception {
		String topic = topic("partitions");
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		try (KafkaTransport transport = transport()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			assertThat(transport.assignment()).containsExactlyInAnyOrder(new TopicPartition(topic, 0),
					new TopicPartition(topic, 1), new TopicPartition(topic, 2));
			for (int partition = 0; partition < 3; partition++) {
				publish(transport, new TransportMessage(topic, bytes("p" + partition),
						Map.of("kafka_partitionId", String.valueOf(partition)), null, null));
			}
			List<String> payloads = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				payloads.add(payload(received));
			}
			assertThat(payloads).containsExactlyInAnyOrder("p0", "p1", "p2");
		}
	}

	@Test
	void refusesAMissingTopicWhenItMayNotCreateTopics() {
		String topic = topic("missing");
		try (KafkaTransport transport = KafkaTransport.builder(this.bootstrap)
			.clientIdPrefix(PREFIX)
			.createMissingTopics(false)
			.build()) {
			transport.connect(TransportListener.NONE);
			assertThat(transport.subscribe(topic, (message) -> {
			}).toCompletableFuture()).failsWithin(Duration.ofSeconds(30))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(TransportException.class)
				.withMessage("Kafka topic '" + topic
						+ "' does not exist, and this transport does not create topics (createMissingTopics(false))");
			assertThat(transport.assignment()).isEmpty();
		}
	}

	@Test
	void worksOverAnApplicationsTemplateWithoutChangingIt() throws Exception {
		Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", this.bootstrap, "key.serializer",
				StringSerializer.class, "value.serializer", StringSerializer.class, "linger.ms", 50));
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config);
		Map<String, Object> before = new HashMap<>(factory.getConfigurationProperties());
		KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
		try (Harness harness = Harness.builder(KafkaTransport.builder(template).clientIdPrefix(PREFIX).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("template")) {
			String topic = topic("template");
			Handle handle = scenario.expect(topic, fieldEquals("status", "SHIPPED"));
			ScenarioResult result = scenario
				.trigger(
						() -> template
							.send(topic, "ORD-7",
									"{\"status\":\"SHIPPED\",\"correlation_id\":\"" + scenario.correlationId() + "\"}")
							.join())
				.awaitAll(Duration.ofSeconds(10));
			result.assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
		finally {
			factory.destroy();
		}
		assertThat(factory.getConfigurationProperties()).isEqualTo(before);
		assertThat(factory.getKeySerializer()).isNull();
	}

	@Test
	void carriesKeysAndBinaryHeadersBothWaysByteForByte() throws Exception {
		byte[] binary = { 0x12, (byte) 0x9f, 0, (byte) 0xff };
		String topic = topic("metadata");
		DefaultKafkaProducerFactory<String, byte[]> producerFactory = new DefaultKafkaProducerFactory<>(
				Map.of("bootstrap.servers", this.bootstrap), new StringSerializer(), new ByteArraySerializer());
		KafkaTemplate<String, byte[]> applicationTemplate = new KafkaTemplate<>(producerFactory);
		try (KafkaTransport transport = transport();
				Consumer<String, byte[]> application = new DefaultKafkaConsumerFactory<>(
						Map.<String, Object>of("bootstrap.servers", this.bootstrap), new StringDeserializer(),
						new ByteArrayDeserializer())
					.createConsumer()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			subscribe(transport, topic, received);
			TopicPartition partition = new TopicPartition(topic, 0);
			application.assign(List.of(partition));
			application.seekToEnd(List.of(partition));
			application.position(partition, Duration.ofSeconds(10));
			publish(transport, new TransportMessage(topic, bytes("{}"),
					Map.of("x-binary", "base64:Ep8A/w==", "x-text", "acme"), "ORD-1", null));
			TransportMessage echoed = received.poll(10, TimeUnit.SECONDS);
			assertThat(echoed).isNotNull();
			assertThat(echoed.key()).isEqualTo("ORD-1");
			assertThat(echoed.headers()).containsEntry("x-binary", "base64:Ep8A/w==").containsEntry("x-text", "acme");
			ConsumerRecord<String, byte[]> raw = next(application);
			assertThat(raw.key()).isEqualTo("ORD-1");
			assertThat(raw.headers().lastHeader("x-binary").value()).isEqualTo(binary);
			assertThat(raw.headers().lastHeader("x-text").value()).isEqualTo(bytes("acme"));
			ProducerRecord<String, byte[]> fromApplication = new ProducerRecord<>(topic, "ORD-2", bytes("{}"));
			fromApplication.headers().add(new RecordHeader("x-binary", binary));
			applicationTemplate.send(fromApplication).join();
			TransportMessage arrived = received.poll(10, TimeUnit.SECONDS);
			assertThat(arrived).isNotNull();
			assertThat(arrived.key()).isEqualTo("ORD-2");
			assertThat(arrived.headers()).containsExactly(Map.entry("x-binary", "base64:Ep8A/w=="));
		}
		finally {
			producerFactory.destroy();
		}
	}

	@Test
	void answersARequestFromAReplyingKafkaTemplate() throws Exception {
		String requests = topic("requests");
		String replies = topic("replies");
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
			admin.createTopics(List.of(new NewTopic(replies, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		ReplyingKafkaTemplate<String, String, String> template = replyingTemplate(replies);
		try (Harness harness = Harness.builder(transport()).correlation(CorrelationPolicy.none()).build().connect();
				Scenario scenario = harness.scenario("reply")) {
			scenario.on(requests).respond(Map.of("decision", "APPROVE"));
			AtomicReference<RequestReplyFuture<String, String, String>> request = new AtomicReference<>();
			scenario
				.trigger(() -> request.set(template.sendAndReceive(new ProducerRecord<>(requests, "{\"order\":1}"))));
			ConsumerRecord<String, String> reply = request.get().get(30, TimeUnit.SECONDS);
			assertThat(reply.topic()).isEqualTo(replies);
			assertThat(reply.value()).isEqualTo("{\"decision\":\"APPROVE\"}");
			ScenarioResult result = scenario.awaitAll(Duration.ofSeconds(10));
			assertThat(result.replyAt(requests).state()).isEqualTo(ReplyReportState.REPLIED);
		}
		finally {
			template.stop();
			template.destroy();
		}
	}

	@Test
	void leavesNoClientThreadsAfterCloseOrAFailedConnect() throws Exception {
		Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
		KafkaTransport transport = transport();
		transport.connect(TransportListener.NONE);
		subscribe(transport, topic("threads"), new LinkedBlockingQueue<>());
		assertThat(clientThreads(before)).anyMatch((name) -> name.startsWith("choreo-kafka-consumer-" + PREFIX))
			.anyMatch((name) -> name.startsWith("choreo-kafka-watcher-" + PREFIX))
			.anyMatch((name) -> name.startsWith("kafka-producer-network-thread | " + PREFIX + "-producer-"))
			.anyMatch((name) -> name.startsWith("kafka-admin-client-thread | " + PREFIX + "-admin-"));
		transport.close();
		transport.close();
		KafkaTransport unreachable = KafkaTransport.builder("127.0.0.1:" + Brokers.freePort())
			.clientIdPrefix(PREFIX)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> unreachable.connect(TransportListener.NONE));
		assertThat(Waits.until(Duration.ofSeconds(15), () -> clientThreads(before).isEmpty()))
			.as("threads left: %s", clientThreads(before))
			.isTrue();
	}

	@Test
	void reportsAnUnreachableBrokerWithinTheConnectTimeout() {
		int port = Brokers.freePort();
		KafkaTransport transport = KafkaTransport.builder("kafka://127.0.0.1:" + port)
			.connectTimeout(Duration.ofMillis(1500))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessageStartingWith("Could not connect to Kafka at [kafka://127.0.0.1:" + port
					+ "] within 1.5s: no broker answered (TimeoutException")
			.withNoCause();
		assertThat(transport.isConnected()).isFalse();
	}

	private ReplyingKafkaTemplate<String, String, String> replyingTemplate(String replies) throws Exception {
		Map<String, Object> consumer = Map.of("bootstrap.servers", this.bootstrap, "group.id",
				"app-replies-" + UUID.randomUUID(), "auto.offset.reset", "latest");
		KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new StringDeserializer()),
				new ContainerProperties(replies));
		ReplyingKafkaTemplate<String, String, String> template = new ReplyingKafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", this.bootstrap), new StringSerializer(),
						new StringSerializer()),
				container);
		template.setDefaultReplyTimeout(Duration.ofSeconds(30));
		template.start();
		assertThat(template.waitForAssignment(Duration.ofSeconds(30))).as("the reply container is assigned").isTrue();
		return template;
	}

	private Set<String> groups() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
			Set<String> groups = new HashSet<>();
			for (GroupListing listing : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
				groups.add(listing.groupId());
			}
			return groups;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> clientThreads(Set<Thread> before) {
		List<String> names = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			String name = thread.getName();
			if (thread.isAlive() && !before.contains(thread)
					&& (name.startsWith("choreo-") || name.startsWith("kafka-producer-network-thread")
							|| name.startsWith("kafka-admin-client-thread"))) {
				names.add(name);
			}
		}
		return names;
	}

	private static Subscription subscribe(KafkaTransport transport, String topic, BlockingQueue<TransportMessage> into)
			throws Exception {
		return transport.subscribe(topic, into::add).toCompletableFuture().get(30, TimeUnit.SECONDS);
	}

	private static void publish(KafkaTransport transport, TransportMessage message) throws Exception {
		BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
		transport.publish(message, new PublishCallback() {

			@Override
			public void onSent() {
				outcome.add("sent");
			}

			@Override
			public void onError(Throwable error) {
				outcome.add("error " + error.getMessage());
			}

		});
		assertThat(outcome.poll(30, TimeUnit.SECONDS)).isEqualTo("sent");
	}

	private static String payload(BlockingQueue<TransportMessage> queue) throws InterruptedException {
		TransportMessage message = queue.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message within 10s").isNotNull();
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

	private static ConsumerRecord<String, byte[]> next(Consumer<String, byte[]> consumer) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
				return record;
			}
		}
		throw new AssertionError("no record within 10s");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

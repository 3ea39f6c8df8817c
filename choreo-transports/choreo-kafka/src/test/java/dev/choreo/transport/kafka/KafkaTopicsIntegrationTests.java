package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Waits;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics that change under a running transport, on the test broker: partitions added to a
 * topic, a topic deleted and created again, a transactional writer that aborts, and a
 * publish to a topic that does not exist.
 */
class KafkaTopicsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private String bootstrap;

	private Admin admin;

	@BeforeEach
	void connectAdmin() {
		KafkaBrokers.require();
		this.bootstrap = KafkaBrokers.bootstrap();
		this.admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap));
	}

	@AfterEach
	void closeAdmin() {
		this.admin.close(Duration.ofSeconds(5));
	}

	private Harness harness() {
		return Harness.builder(KafkaTransport.builder(this.bootstrap).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect();
	}

	@Test
	void readsPartitionsAddedToATopicAfterTheExpectationFromTheirBeginning() throws Exception {
		String topic = topic("grows");
		createTopic(topic, 1);
		try (Harness harness = harness(); Scenario scenario = harness.scenario("partitions-added")) {
			Handle handle = scenario.expect(topic, fieldEquals("on", "partition-2"));
			this.admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
			ScenarioResult result = scenario.trigger(() -> send(topic, 2, scenario.correlationId(), "partition-2"))
				.awaitAll(WAIT);
			result.assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
			assertThat(((KafkaTransport) harness.transport()).assignment()).contains(new TopicPartition(topic, 1),
					new TopicPartition(topic, 2));
		}
	}

	@Test
	void followsATopicDeletedAndCreatedAgainWithMorePartitions() throws Exception {
		String topic = topic("recreated");
		createTopic(topic, 1);
		try (Harness harness = harness()) {
			try (Scenario before = harness.scenario("before")) {
				before.expect(topic, fieldEquals("n", 1));
				before.publish(topic, Map.of("n", 1)).awaitAll(WAIT).assertPassed();
			}
			this.admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			assertThat(Waits.until(WAIT, () -> createdAgain(topic, 2))).as("the topic is created again").isTrue();
			try (Scenario after = harness.scenario("after")) {
				after.expect(topic, fieldEquals("n", 2));
				after.trigger(() -> send(topic, 1, after.correlationId(), 2)).awaitAll(WAIT).assertPassed();
			}
		}
	}

	@Test
	void startsAnExistingTopicAtItsLastStableOffsetSoAWriteCommittedAfterTheExpectationMatches() {
		String topic = topic("open-transaction");
		createTopic(topic, 1);
		try (Harness harness = harness();
				Scenario scenario = harness.scenario("open-transaction");
				KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", this.bootstrap,
						"transactional.id", "choreo-test-" + UUID.randomUUID()), new StringSerializer(),
						new StringSerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, json(scenario.correlationId(), "state", "in-flight")));
			producer.flush();
			Handle handle = scenario.expect(topic, fieldEquals("state", "in-flight"));
			ScenarioResult result = scenario.trigger(producer::commitTransaction).awaitAll(WAIT);
			result.assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void neverMatchesAWriteWhoseTransactionWasAborted() {
		String topic = topic("transactions");
		createTopic(topic, 1);
		try (Harness harness = harness(); Scenario scenario = harness.scenario("transactions")) {
			Handle committed = scenario.expect(topic, fieldEquals("state", "committed"));
			Handle aborted = scenario.expectNone(topic, fieldEquals("state", "aborted"));
			String id = scenario.correlationId();
			ScenarioResult result = scenario.trigger(() -> {
				try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
						this.bootstrap, "transactional.id", "choreo-test-" + UUID.randomUUID()), new StringSerializer(),
						new StringSerializer())) {
					producer.initTransactions();
					producer.beginTransaction();
					producer.send(new ProducerRecord<>(topic, json(id, "state", "aborted")));
					producer.flush();
					producer.abortTransaction();
					producer.beginTransaction();
					producer.send(new ProducerRecord<>(topic, json(id, "state", "committed")));
					producer.commitTransaction();
				}
			}).awaitAll(Duration.ofSeconds(5));
			result.assertPassed();
			assertThat(committed.outcome()).isEqualTo(Outcome.PASS);
			assertThat(aborted.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void refusesToPublishToATopicThatDoesNotExistNamingItAndCreatesNothing() throws Exception {
		String topic = topic("ordres.created");
		try (KafkaTransport transport = KafkaTransport.builder(this.bootstrap).build()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
			transport.publish(TransportMessage.of(topic, "{}".getBytes(StandardCharsets.UTF_8)), new PublishCallback() {

				@Override
				public void onSent() {
					outcome.add("sent");
				}

				@Override
				public void onError(Throwable error) {
					outcome.add("error: " + error.getMessage());
				}

			});
			assertThat(outcome.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(
					"error: Topic '" + topic + "' does not exist on the Kafka cluster; check the name, or create it");
		}
		assertThat(this.admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
	}

	@Test
	void aPublishWaitsBrieflyForATopicThatIsBeingCreated() throws Exception {
		String topic = topic("orders.fresh");
		try (KafkaTransport transport = KafkaTransport.builder(this.bootstrap).build()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
			// created while the publish looks for it, as an application's own admin
			// client
			// creates a topic while a test is already publishing (the publish's first
			// lookup usually comes first: the creation is a controller round trip)
			CompletableFuture<Void> created = CompletableFuture.runAsync(() -> {
				try {
					this.admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			});
			transport.publish(TransportMessage.of(topic, "{}".getBytes(StandardCharsets.UTF_8)), new PublishCallback() {

				@Override
				public void onSent() {
					outcome.add("sent");
				}

				@Override
				public void onError(Throwable error) {
					outcome.add("error: " + error.getMessage());
				}

			});
			created.get(30, TimeUnit.SECONDS);
			assertThat(outcome.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("sent");
		}
	}

	private boolean createdAgain(String topic, int partitions) {
		try {
			this.admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void createTopic(String topic, int partitions) {
		try {
			this.admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void send(String topic, int partition, String correlationId, Object value) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", this.bootstrap),
				new StringSerializer(), new StringSerializer())) {
			String key = (value instanceof String) ? "on" : "n";
			producer.send(new ProducerRecord<>(topic, partition, null, json(correlationId, key, value)))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String json(String correlationId, String field, Object value) {
		String rendered = (value instanceof String text) ? "\"" + text + "\"" : String.valueOf(value);
		return "{\"" + field + "\":" + rendered + ",\"correlation_id\":\"" + correlationId + "\"}";
	}

	private static String topic(String base) {
		return "choreo.topics." + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

}

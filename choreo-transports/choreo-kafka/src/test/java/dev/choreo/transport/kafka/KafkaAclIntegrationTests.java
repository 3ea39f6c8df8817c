package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A cluster with ACLs, as teams share them: an embedded broker with a {@code SASL_PLAIN}
 * listener and the standard authorizer, where the test's principal may read, write and
 * describe the topics under {@code choreo.acl.} but may create none. The transport asks
 * only what it may: an expectation on an existing topic works, and a missing topic gives
 * an error that says what is wrong.
 */
class KafkaAclIntegrationTests {

	private static final String PREFIX = "choreo.acl.";

	private static final String ADMIN_LOGIN = KafkaCredentials.PLAIN_LOGIN_MODULE
			+ " required username=\"admin\" password=\"admin-s3cret\";";

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		Map<String, String> properties = new HashMap<>(KafkaSaslPlainAuthContractTests.saslPlainBroker());
		properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		properties.put("super.users", "User:admin;User:ANONYMOUS");
		broker = KafkaBrokers.start(properties);
		try (Admin admin = Admin.create(administrator())) {
			ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, PREFIX, PatternType.PREFIXED);
			List<AclBinding> grants = List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)
				.stream()
				.map((operation) -> new AclBinding(topics,
						new AccessControlEntry("User:" + KafkaSaslPlainAuthContractTests.USER, "*", operation,
								AclPermissionType.ALLOW)))
				.toList();
			admin.createAcls(grants).all().get(30, TimeUnit.SECONDS);
		}
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	private static Map<String, Object> administrator() {
		return Map.of("bootstrap.servers", broker.getBrokersAsString(), "security.protocol", "SASL_PLAINTEXT",
				"sasl.mechanism", "PLAIN", "sasl.jaas.config", ADMIN_LOGIN);
	}

	private static KafkaTransport transport() {
		return KafkaTransport.builder(broker.getBrokersAsString())
			.auth(AuthResolver.from(() -> KafkaAuth.saslPlain(KafkaSaslPlainAuthContractTests.USER,
					KafkaSaslPlainAuthContractTests.PASSWORD)))
			.build();
	}

	private static Harness harness() {
		return Harness.builder(transport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.subscribeTimeout(Duration.ofSeconds(20))
			.build()
			.connect();
	}

	private static String topic(String base) {
		return PREFIX + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anExpectationOnAnExistingTopicWorksForAPrincipalThatMayNotCreateTopics() throws Exception {
		String topic = topic("orders");
		try (Admin admin = Admin.create(administrator())) {
			admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		try (Harness harness = harness(); Scenario scenario = harness.scenario("acl")) {
			scenario.expect(topic, fieldEquals("status", "ACCEPTED"));
			scenario.publish(topic, Map.of("status", "ACCEPTED")).awaitAll(Duration.ofSeconds(20)).assertPassed();
		}
	}

	@Test
	void anExpectationOnAMissingTopicSaysThePrincipalMayNotCreateIt() {
		String topic = topic("missing");
		try (Harness harness = harness(); Scenario scenario = harness.scenario("acl-missing")) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> scenario.expect(topic))
				.withMessage("Could not subscribe to '" + topic + "' on harness 'kafka': Kafka topic '" + topic
						+ "' does not exist, and the principal may not create it (TopicAuthorizationException:"
						+ " Authorization failed.); create the topic, or grant the principal CREATE on it");
		}
	}

	@Test
	void aPublishToAMissingTopicNamesIt() throws Exception {
		String topic = topic("ordres.created");
		try (KafkaTransport transport = transport()) {
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
			assertThat(outcome.poll(30, TimeUnit.SECONDS)).isEqualTo(
					"error: Topic '" + topic + "' does not exist on the Kafka cluster; check the name, or create it");
		}
	}

}

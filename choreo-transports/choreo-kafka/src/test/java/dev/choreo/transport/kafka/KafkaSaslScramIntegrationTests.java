package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SCRAM credentials on an embedded broker whose {@code SASL_PLAINTEXT} listener takes
 * {@code SCRAM-SHA-512}; the SCRAM user is created through the admin API by a
 * {@code PLAIN} administrator.
 */
class KafkaSaslScramIntegrationTests {

	private static final String USER = "choreo-scram";

	private static final String PASSWORD = "scram-Pa55";

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = KafkaBrokers.start(Map.of("listener.security.protocol.map",
				"EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT", "sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512",
				"sasl.mechanism.inter.broker.protocol", "PLAIN", "listener.name.external.plain.sasl.jaas.config",
				KafkaCredentials.PLAIN_LOGIN_MODULE
						+ " required username=\"admin\" password=\"admin-s3cret\" user_admin=\"admin-s3cret\";",
				"listener.name.external.scram-sha-512.sasl.jaas.config",
				KafkaCredentials.SCRAM_LOGIN_MODULE + " required;"));
		Map<String, Object> administrator = Map.of("bootstrap.servers", broker.getBrokersAsString(),
				"security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
				KafkaCredentials.PLAIN_LOGIN_MODULE + " required username=\"admin\" password=\"admin-s3cret\";");
		try (Admin admin = Admin.create(administrator)) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD)))
				.all()
				.get(30, TimeUnit.SECONDS);
			assertThat(admin.describeUserScramCredentials(List.of(USER)).all().get(30, TimeUnit.SECONDS))
				.containsKey(USER);
		}
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void connectsWithScramCredentials() {
		KafkaAuth auth = KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, USER, PASSWORD);
		try (Harness harness = Harness
			.builder(KafkaTransport.builder(broker.getBrokersAsString()).auth(AuthResolver.of(auth)).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("scram")) {
			String topic = "choreo.scram." + java.util.UUID.randomUUID().toString().substring(0, 8);
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
		assertThat(auth.isConsumed()).isTrue();
	}

	@Test
	void refusesAWrongScramPassword() {
		KafkaTransport transport = KafkaTransport.builder(broker.getBrokersAsString())
			.auth(AuthResolver.of(KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, USER, "not-the-Pa55")))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessageStartingWith("Could not connect to Kafka at [" + broker.getBrokersAsString()
					+ "]: the broker refused the credentials (SaslAuthenticationException: ")
			.withMessageNotContaining("not-the-Pa55");
	}

}

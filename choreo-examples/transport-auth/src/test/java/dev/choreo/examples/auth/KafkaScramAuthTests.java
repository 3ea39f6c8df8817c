package dev.choreo.examples.auth;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.transport.kafka.KafkaTransport;
import org.junit.jupiter.api.Test;

import static dev.choreo.examples.auth.AuthBrokers.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka SASL/SCRAM-SHA-512, on an in-process broker whose listener requires SASL.
 */
class KafkaScramAuthTests {

	@Test
	void connectsWithScram() throws Exception {
		KafkaAuth auth = KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, USER, AuthBrokers.KAFKA_PASSWORD);
		KafkaTransport transport = KafkaTransport.builder(AuthBrokers.kafkaBootstrap())
			.connectTimeout(Duration.ofSeconds(30))
			.auth(AuthResolver.of(auth))
			.build();
		RoundTrips.roundTrip(transport, "orders.kafka.", "kafka with scram");
		assertThat(auth.isConsumed()).as("credentials cleared after the connect").isTrue();
	}

	@Test
	void refusesAWrongPasswordWithoutSayingIt() throws Exception {
		KafkaTransport transport = KafkaTransport.builder(AuthBrokers.kafkaBootstrap())
			.connectTimeout(Duration.ofSeconds(30))
			.auth(AuthResolver
				.of(KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, USER, AuthBrokers.WRONG_PASSWORD)))
			.build();
		assertThat(RoundTrips.assertRefusedWithoutTheSecret(transport, AuthBrokers.WRONG_PASSWORD))
			.hasMessageContaining("the broker refused the credentials");
	}

}

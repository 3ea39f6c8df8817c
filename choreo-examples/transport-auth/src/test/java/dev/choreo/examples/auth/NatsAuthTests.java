package dev.choreo.examples.auth;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.transport.nats.NatsTransport;
import org.junit.jupiter.api.Test;

import static dev.choreo.examples.auth.AuthBrokers.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NATS user and password, on a nats-server that requires them.
 */
class NatsAuthTests {

	@Test
	void connectsWithUserAndPassword() {
		NatsAuth auth = NatsAuth.userPassword(USER, AuthBrokers.NATS_PASSWORD);
		NatsTransport transport = NatsTransport.builder(AuthBrokers.natsUrl())
			.connectTimeout(Duration.ofSeconds(5))
			.auth(AuthResolver.of(auth))
			.build();
		RoundTrips.roundTrip(transport, "orders.nats.", "nats with user and password");
		assertThat(auth.isConsumed()).as("credentials cleared after the connect").isTrue();
	}

	@Test
	void refusesAWrongPasswordWithoutSayingIt() {
		NatsTransport transport = NatsTransport.builder(AuthBrokers.natsUrl())
			.connectTimeout(Duration.ofSeconds(5))
			.auth(AuthResolver.of(NatsAuth.userPassword(USER, AuthBrokers.WRONG_PASSWORD)))
			.build();
		assertThat(RoundTrips.assertRefusedWithoutTheSecret(transport, AuthBrokers.WRONG_PASSWORD))
			.hasMessageContaining("Could not connect to NATS");
	}

}

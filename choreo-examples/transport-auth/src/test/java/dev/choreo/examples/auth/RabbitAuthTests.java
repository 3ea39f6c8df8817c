package dev.choreo.examples.auth;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.transport.rabbitmq.RabbitTransport;
import org.junit.jupiter.api.Test;

import static dev.choreo.examples.auth.AuthBrokers.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RabbitMQ user with permissions on its own vhost, on a node whose only user it is.
 */
class RabbitAuthTests {

	@Test
	void connectsAsAVhostUser() {
		RabbitAuth auth = RabbitAuth.userPassword(USER, AuthBrokers.RABBIT_PASSWORD);
		RabbitTransport transport = RabbitTransport.builder(AuthBrokers.rabbitUri())
			.connectTimeout(Duration.ofSeconds(10))
			.auth(AuthResolver.of(auth))
			.build();
		RoundTrips.roundTrip(transport, "orders.rabbit.", "rabbitmq as a vhost user");
		assertThat(auth.isConsumed()).as("credentials cleared after the connect").isTrue();
	}

	@Test
	void refusesAWrongPasswordWithoutSayingIt() {
		RabbitTransport transport = RabbitTransport.builder(AuthBrokers.rabbitUri())
			.connectTimeout(Duration.ofSeconds(10))
			.auth(AuthResolver.of(RabbitAuth.userPassword(USER, AuthBrokers.WRONG_PASSWORD)))
			.build();
		assertThat(RoundTrips.assertRefusedWithoutTheSecret(transport, AuthBrokers.WRONG_PASSWORD))
			.hasMessageContaining("the broker refused the credentials");
	}

}

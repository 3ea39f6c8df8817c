package dev.choreo.transport.rabbitmq;

import java.time.Duration;
import java.util.UUID;

import dev.choreo.auth.AuthException;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.tck.AuthContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authentication contract on the test machine's broker, with a user and password the
 * test creates for itself and removes afterwards.
 */
class RabbitAuthContractTests extends AuthContractTests {

	private static final String USER = "choreo-auth-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String PASSWORD = "s3cret-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String WRONG_PASSWORD = "wrong-Pa55word";

	private static boolean created;

	@BeforeAll
	static void createUser() {
		RabbitBroker.require();
		RabbitBroker.rabbitmqctl("add_user", USER, PASSWORD);
		created = true;
		RabbitBroker.rabbitmqctl("set_permissions", "-p", "/", USER, ".*", ".*", ".*");
	}

	@AfterAll
	static void deleteUser() {
		if (created) {
			RabbitBroker.rabbitmqctl("delete_user", USER);
		}
	}

	@Override
	protected Transport transportWith(AuthResolver<?> auth) {
		return RabbitTransport.builder(RabbitBroker.URI).connectTimeout(Duration.ofSeconds(5)).auth(auth).build();
	}

	@Override
	protected TransportAuth validCredentials() {
		return RabbitAuth.userPassword(USER, PASSWORD);
	}

	@Override
	protected TransportAuth wrongCredentials() {
		return RabbitAuth.userPassword(USER, WRONG_PASSWORD);
	}

	@Override
	protected String wrongSecret() {
		return WRONG_PASSWORD;
	}

	@Test
	void saysTheBrokerRefusedTheCredentials() {
		Transport transport = transportWith(AuthResolver.of(wrongCredentials()));
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessageStartingWith(
					"Could not connect to RabbitMQ at 'amqp://127.0.0.1:5672' (connect timeout 5000ms):"
							+ " the broker refused the credentials (")
			.withMessageContaining("ACCESS_REFUSED")
			.withMessageNotContaining(WRONG_PASSWORD);
		transport.close();
	}

	@Test
	void refusesAnotherKindOfCredentials() {
		Transport transport = transportWith(AuthResolver.of(NatsAuth.userPassword(USER, PASSWORD)));
		assertThatExceptionOfType(AuthException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessage("auth descriptor is not a known variant for rabbitmq: got NatsAuth");
	}

}

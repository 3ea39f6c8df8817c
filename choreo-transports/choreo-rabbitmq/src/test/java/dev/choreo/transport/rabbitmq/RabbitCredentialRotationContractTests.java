package dev.choreo.transport.rabbitmq;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.CredentialRotationContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credential rotation on the test machine's broker, with a user the test creates for
 * itself: {@code rabbitmqctl change_password} rotates the password, then the test closes
 * that user's connections (and only those) from the broker side.
 */
class RabbitCredentialRotationContractTests extends CredentialRotationContractTests {

	private static final String USER = "choreo-rotation-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String INITIAL = "initial-" + UUID.randomUUID().toString().substring(0, 8);

	private static boolean created;

	@BeforeAll
	static void createUser() {
		RabbitBroker.require();
		RabbitBroker.rabbitmqctl("add_user", USER, INITIAL);
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
	protected TransportAuth credentials(String secret) {
		return RabbitAuth.userPassword(USER, secret);
	}

	@Override
	protected String initialSecret() {
		return INITIAL;
	}

	@Override
	protected void rotateTo(String secret) {
		RabbitBroker.rabbitmqctl("change_password", USER, secret);
		int closed = 0;
		for (String line : RabbitBroker.rabbitmqctl("list_connections", "-q", "--no-table-headers", "pid", "user")) {
			List<String> fields = List.of(line.trim().split("\\s+"));
			if (fields.size() == 2 && fields.get(1).equals(USER)) {
				RabbitBroker.rabbitmqctl("close_connection", fields.get(0), "password rotated");
				closed++;
			}
		}
		assertThat(closed).as("connections of " + USER + " closed").isPositive();
	}

}

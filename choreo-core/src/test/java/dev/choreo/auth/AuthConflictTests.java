package dev.choreo.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Auth#checkNoConflict}.
 */
class AuthConflictTests {

	private static final AuthResolver<RabbitAuth> RESOLVER = AuthResolver.of(RabbitAuth.userPassword("bob", "pw"));

	@ParameterizedTest
	@CsvSource({ "amqp://admin:s3cret@rabbit.test:5672/vhost?heartbeat=30, amqp://rabbit.test:5672",
			"redis://:s3cret@cache.test, redis://cache.test", "nats://admin@nats.test:4222, nats://nats.test:4222",
			"amqp://admin:pa/s3cret@rabbit.test/vhost, amqp://rabbit.test",
			"admin:s3cret@kafka.test:9092, kafka.test:9092" })
	void urlWithCredentialsAndAuthConflict(String url, String shown) {
		assertThatExceptionOfType(ConflictingAuthException.class)
			.isThrownBy(() -> Auth.checkNoConflict(url, RESOLVER, "rabbitmq"))
			.withMessage("the rabbitmq URL '" + shown + "' carries credentials and auth is configured as well; "
					+ "use one or the other")
			.withNoCause();
	}

	@Test
	void urlWithCredentialsAloneIsFine() {
		assertThatNoException().isThrownBy(() -> Auth.checkNoConflict("amqp://admin:s3cret@rabbit.test", null, "x"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "amqp://rabbit.test:5672/vhost", "redis://cache.test:6379/0?client=me@example.test",
			"nats://nats.test#me@there", "kafka.test:9092", "not-a-url" })
	void urlWithoutCredentialsAndAuthAreFine(String url) {
		assertThatNoException().isThrownBy(() -> Auth.checkNoConflict(url, RESOLVER, "x"));
	}

}

package dev.choreo.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeUrl}.
 */
class SafeUrlTests {

	@ParameterizedTest
	@CsvSource({ "amqp://guest:s3cret@rabbit.test:5672/vhost, amqp://<redacted>@rabbit.test:5672/vhost",
			"redis://:s3cret@cache.test:6379/0, redis://<redacted>@cache.test:6379/0",
			"nats://alice@nats.test:4222, nats://<redacted>@nats.test:4222",
			"amqps://guest:s3cret@rabbit.test, amqps://<redacted>@rabbit.test",
			"'nats://u:s3cret@[::1]:4222', 'nats://<redacted>@[::1]:4222'" })
	void redactsUserInformation(String url, String expected) {
		assertThat(SafeUrl.redact(url)).isEqualTo(expected);
	}

	@Test
	void keepsSchemeHostPortPathQueryAndFragment() {
		assertThat(SafeUrl.redact("amqp://guest:s3cret@rabbit.test:5672/orders%2Fv1?heartbeat=30&retry=true#top"))
			.isEqualTo("amqp://<redacted>@rabbit.test:5672/orders%2Fv1?heartbeat=30&retry=true#top");
	}

	@ParameterizedTest
	@ValueSource(strings = { "amqp://rabbit.test:5672/vhost?heartbeat=30&retry=true", "not-a-url", "",
			"kafka-1.test:9092", "redis://cache.test:6379/0?a=1&&b=2", "nats://nats.test:4222#fragment" })
	void leavesValuesWithoutCredentialsUnchanged(String url) {
		assertThat(SafeUrl.redact(url)).isEqualTo(url);
	}

	@Test
	void redactsCredentialLikeQueryKeysCaseInsensitivelyAndKeepsOthers() {
		assertThat(SafeUrl.redact("redis://cache.test:6379/0?Password=s3cret&timeout=30&username=alice&TOKEN=t0k"))
			.isEqualTo("redis://cache.test:6379/0?Password=<redacted>&timeout=30&username=<redacted>&TOKEN=<redacted>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "user", "pass", "pwd", "secret", "key", "auth", "credential", "credentials", "apikey",
			"client_secret", "accessToken", "sasl.jaas.config", "db_password" })
	void redactsEverySecretLookingParameter(String name) {
		assertThat(SafeUrl.redact("redis://cache.test?" + name + "=s3cret&db=0"))
			.isEqualTo("redis://cache.test?" + name + "=<redacted>&db=0");
	}

	@Test
	void redactionStaysReadable() {
		assertThat(SafeUrl.redact("amqp://u:p@rabbit.test?password=x")).contains("<redacted>").doesNotContain("%3C");
	}

	@ParameterizedTest
	@CsvSource({ "amqp://user:pa/ss@rabbit.test:5672/vhost, amqp://<redacted>@rabbit.test:5672/vhost",
			"amqp://user:p@ss@rabbit.test:5672, amqp://<redacted>@rabbit.test:5672",
			"user:s3cret@kafka.test:9092, <redacted>@kafka.test:9092" })
	void hidesPasswordsWithUnescapedCharactersAndWithoutScheme(String url, String expected) {
		assertThat(SafeUrl.redact(url)).isEqualTo(expected);
	}

	@Test
	void endpointToStringIsRedacted() {
		assertThat(new Endpoint(EndpointCategory.AMQP, "amqp://guest:s3cret@rabbit.test:5672"))
			.hasToString("RabbitMQ URL amqp://<redacted>@rabbit.test:5672");
	}

}

package dev.choreo.transport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Allowlist} matching and its refusal messages.
 */
class AllowlistTests {

	@ParameterizedTest
	@CsvSource({ "NATS, nats://localhost:4222", "NATS, localhost", "KAFKA, 127.0.0.1:9092",
			"KAFKA, kafka://127.10.20.30:19092", "REDIS, redis://[::1]:6379", "REDIS, ::1",
			"AMQP, amqp://guest:guest@127.0.0.1:5672/", "AMQP, amqps://LOCALHOST", "REDIS, redis://[0:0:0:0:0:0:0:1]",
			"NATS, nats://[::ffff:127.0.0.1]:4222" })
	void loopbackOnlyAllowsLoopbackEndpoints(EndpointCategory category, String value) {
		assertThatNoException()
			.isThrownBy(() -> Allowlist.loopbackOnly().check(List.of(new Endpoint(category, value))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "nats://127.0.0.1.evil.example:4222", "nats://localhost.evil.example",
			"nats://localhost@evil.example:4222", "nats://evil.example/@localhost:4222",
			"nats://evil.example#@localhost", "nats://127.0.0.256:4222", "nats://127.1:4222", "nats://localhost:99999",
			"nats:// localhost", "nats://localhost\\@evil.example", "nats://a:4222,b:4222", "" })
	void lookalikeOrMalformedLoopbackIsRefused(String value) {
		Allowlist allowlist = Allowlist.loopbackOnly();
		Endpoint endpoint = new Endpoint(EndpointCategory.NATS, value);
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(endpoint)))
			.satisfies((ex) -> assertThat(ex.endpoint()).isSameAs(endpoint));
	}

	@Test
	void refusalNamesTheEndpointTheSourceAndTheCategoryKey() {
		Allowlist allowlist = Allowlist.loopbackOnly();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.KAFKA, "prod.internal:9092"))))
			.withMessage("Kafka broker 'prod.internal:9092' is not on the allowlist (source: built in code); "
					+ "add it under 'kafka_brokers' if tests may use it");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"NATS | nats://prod.internal:4222 | NATS server 'nats://prod.internal:4222' is not on the allowlist (source: built in code); add it under 'nats_servers' if tests may use it",
			"KAFKA | prod.internal:9092 | Kafka broker 'prod.internal:9092' is not on the allowlist (source: built in code); add it under 'kafka_brokers' if tests may use it",
			"AMQP | amqp://guest:guest@prod.internal:5672/ | RabbitMQ URL 'amqp://<redacted>@prod.internal:5672/' is not on the allowlist (source: built in code); add it under 'amqp_brokers' if tests may use it",
			"REDIS | redis://:s3cret@prod.internal:6379/0 | Redis URL 'redis://<redacted>@prod.internal:6379/0' is not on the allowlist (source: built in code); add it under 'redis_servers' if tests may use it" })
	void productionHostIsRefusedForEveryNetworkCategory(EndpointCategory category, String value, String message) {
		Allowlist allowlist = Allowlist.builder().allow(category, "test.internal").build();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(category, value))))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(category));
	}

	@Test
	void credentialsNeverAppearInTheRefusal() {
		Allowlist allowlist = Allowlist.builder()
			.allow(EndpointCategory.AMQP, "amqp://admin:s3cret@rabbit:5672")
			.build();
		Endpoint endpoint = new Endpoint(EndpointCategory.AMQP,
				"amqp://admin:s3cret@prod.internal:5672/?password=hunter2");
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(endpoint)))
			.withMessage("RabbitMQ URL 'amqp://<redacted>@prod.internal:5672/?password=<redacted>' is not on the "
					+ "allowlist (source: built in code); add it under 'amqp_brokers' if tests may use it")
			.satisfies((ex) -> assertThat(ex.toString()).doesNotContain("s3cret", "admin", "hunter2"));
	}

	@Test
	void firstRefusedEndpointWins() {
		Allowlist allowlist = Allowlist.builder().allow(EndpointCategory.KAFKA, "kafka-1.test:9092").build();
		Endpoint first = new Endpoint(EndpointCategory.KAFKA, "kafka-2.test:9092");
		Endpoint second = new Endpoint(EndpointCategory.KAFKA, "kafka-3.test:9092");
		List<Endpoint> endpoints = List.of(new Endpoint(EndpointCategory.KAFKA, "kafka-1.test:9092"), first, second);
		assertThatExceptionOfType(EndpointNotAllowedException.class).isThrownBy(() -> allowlist.check(endpoints))
			.withMessageContaining("'kafka-2.test:9092'")
			.withMessageNotContaining("kafka-3")
			.satisfies((ex) -> assertThat(ex.endpoint()).isSameAs(first));
	}

	@Test
	void emptyEndpointListPasses() {
		assertThatNoException().isThrownBy(() -> Allowlist.builder().allowLoopback(false).build().check(List.of()));
	}

	@Test
	void loopbackIsRefusedWhenSwitchedOffAndTheMessageSaysWhy() {
		Allowlist allowlist = Allowlist.builder().allowLoopback(false).build();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://localhost:4222"))))
			.withMessage("NATS server 'nats://localhost:4222' is not on the allowlist (source: built in code); "
					+ "add it under 'nats_servers' if tests may use it; "
					+ "loopback endpoints are refused because allow_loopback is false");
	}

	@Test
	void listedLoopbackIsAllowedWhenLoopbackIsSwitchedOff() {
		Allowlist allowlist = Allowlist.builder()
			.allowLoopback(false)
			.allow(EndpointCategory.NATS, "localhost")
			.build();
		assertThatNoException()
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://localhost:4222"))));
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://127.0.0.1:4222"))));
	}

	@Test
	void exactValueIsAllowedEvenWhenItCannotBeNormalised() {
		Allowlist allowlist = Allowlist.builder()
			.allow(EndpointCategory.NATS, "nats://a.test:4222,b.test:4222")
			.build();
		assertThatNoException().isThrownBy(
				() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://a.test:4222,b.test:4222"))));
	}

	@ParameterizedTest
	@CsvSource({ "KAFKA, broker.test:9092, kafka://broker.test:9092",
			"KAFKA, kafka://broker.test:9092, broker.test:9092", "KAFKA, broker.test, broker.test:9092",
			"KAFKA, Broker.TEST:9092, kafka://broker.test", "NATS, nats://nats.test, nats.test:4222",
			"NATS, nats.test:4222, tls://NATS.test",
			"AMQP, amqp://rabbit.test, amqp://user:s3cret@rabbit.test:5672/vhost?heartbeat=30",
			"AMQP, rabbit.test:5671, amqps://rabbit.test/vhost", "REDIS, redis://:pw@cache.test:6379/0, cache.test",
			"NATS, '[fd00::1]:4222', 'nats://[FD00::1]'", "NATS, fd00::1, 'nats://[fd00::1]:4222'",
			"MOCK, memory, memory" })
	void normalisedFormsMatch(EndpointCategory category, String listed, String value) {
		Allowlist allowlist = Allowlist.builder().allowLoopback(false).allow(category, listed).build();
		assertThatNoException().isThrownBy(() -> allowlist.check(List.of(new Endpoint(category, value))));
	}

	@ParameterizedTest
	@CsvSource({ "KAFKA, broker.test:9092, broker.test:9093", "NATS, nats.test, nats.test:4223",
			"AMQP, rabbit.test, amqps://rabbit.test", "REDIS, cache.test, cache.test.evil:6379",
			"REDIS, cache.test, redis://cache.test@evil.test" })
	void differentHostOrPortIsRefused(EndpointCategory category, String listed, String value) {
		Allowlist allowlist = Allowlist.builder().allow(category, listed).build();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(category, value))));
	}

	@Test
	void categoriesAreSeparate() {
		Allowlist allowlist = Allowlist.builder().allow(EndpointCategory.NATS, "shared.test:9092").build();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.KAFKA, "shared.test:9092"))))
			.withMessageContaining("under 'kafka_brokers'");
	}

	@Test
	void getReturnsTheValuesAsWrittenOrEmpty() {
		Allowlist allowlist = Allowlist.builder()
			.allow(EndpointCategory.KAFKA, "b1.test:9092")
			.allow(EndpointCategory.KAFKA, "kafka://B2.test:9092")
			.build();
		assertThat(allowlist.get(EndpointCategory.KAFKA)).containsExactly("b1.test:9092", "kafka://B2.test:9092");
		assertThat(allowlist.get(EndpointCategory.REDIS)).isEmpty();
	}

	@Test
	void builtAllowlistDoesNotChangeWithItsBuilder() {
		Allowlist.Builder builder = Allowlist.builder().allow(EndpointCategory.REDIS, "cache.test");
		Allowlist allowlist = builder.build();
		builder.allow(EndpointCategory.REDIS, "other.test").allowLoopback(false).source("changed");
		assertThat(allowlist.get(EndpointCategory.REDIS)).containsExactly("cache.test");
		assertThat(allowlist.allowsLoopback()).isTrue();
		assertThat(allowlist.source()).isEqualTo("built in code");
	}

	@Test
	void loopbackOnlyListsNothingAndAllowsLoopback() {
		Allowlist allowlist = Allowlist.loopbackOnly();
		assertThat(allowlist.allowsLoopback()).isTrue();
		assertThat(allowlist.source()).isEqualTo("built in code");
		for (EndpointCategory category : EndpointCategory.values()) {
			assertThat(allowlist.get(category)).isEmpty();
		}
	}

	@Test
	void toStringShowsSourceLoopbackAndCountsButNoCredentials() {
		Allowlist allowlist = Allowlist.builder()
			.source("allowlist.yaml")
			.allowLoopback(false)
			.allow(EndpointCategory.REDIS, "redis://:s3cret@cache.test:6379")
			.allow(EndpointCategory.KAFKA, "b1.test:9092", "b2.test:9092")
			.build();
		assertThat(allowlist)
			.hasToString("Allowlist[source=allowlist.yaml, allowLoopback=false, kafka_brokers=2, redis_servers=1]");
	}

}

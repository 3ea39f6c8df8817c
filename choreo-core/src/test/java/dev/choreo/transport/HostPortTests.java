package dev.choreo.transport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HostPort}, the normalised form of an endpoint.
 */
class HostPortTests {

	@ParameterizedTest
	@CsvSource({ "kafka://Broker.Test:19092, KAFKA, broker.test, 19092", "broker.test:19092, KAFKA, broker.test, 19092",
			"broker.test, KAFKA, broker.test, 9092", "nats://u:p@nats.test, NATS, nats.test, 4222",
			"tls://nats.test:4443/path, NATS, nats.test, 4443", "amqp://rabbit.test/vhost, AMQP, rabbit.test, 5672",
			"amqps://rabbit.test/vhost, AMQP, rabbit.test, 5671",
			"rediss://:pw@cache.test?db=1, REDIS, cache.test, 6379", "'[FD00::1]:4222', NATS, fd00::1, 4222",
			"'redis://[::1]', REDIS, ::1, 6379", "fd00::1, NATS, fd00::1, 4222", "memory, MOCK, memory, -1" })
	void parsesEveryForm(String value, EndpointCategory category, String host, int port) {
		assertThat(HostPort.parse(value, category)).isEqualTo(new HostPort(host, port));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "nats://", "host:", "host:0", "host:65536", "host:port", "[::1", "[::1]x", "[zz]:4222",
			"a b", "nats://a.test:4222,b.test:4222", "nats://:4222" })
	void refusesWhatItCannotRead(String value) {
		assertThat(HostPort.parse(value, EndpointCategory.NATS)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "localhost, true", "127.0.0.1, true", "127.255.255.255, true", "::1, true", "0:0:0:0:0:0:0:1, true",
			"::ffff:127.0.0.1, true", "127.0.0.256, false", "128.0.0.1, false", "localhost.test, false",
			"my-localhost, false", "::2, false" })
	void recognisesLoopbackFromTheTextAlone(String host, boolean loopback) {
		assertThat(new HostPort(host, 1).isLoopback()).isEqualTo(loopback);
	}

}

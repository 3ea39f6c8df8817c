package dev.choreo.transport.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.auth.Tls;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS from {@link RedisAuth} settings, on a redis-server the test starts with a
 * certificate for {@code localhost} signed by a CA the test creates with openssl.
 */
class RedisTlsTests {

	private static final String PASSWORD = "tls-pa55word";

	private static Path directory;

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() throws Exception {
		directory = Files.createTempDirectory("choreo-redis-tls-");
		Files.writeString(directory.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
				"-subj", "/CN=choreo-test-ca");
		openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
				"/CN=localhost");
		openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
				"server.crt", "-days", "2", "-extfile", "server.ext");
		int port = Brokers.freePort();
		server = BrokerProcess.start("redis-tls", "redis-server", port, "--port", "0", "--tls-port",
				String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
				directory.toString(), "--tls-cert-file", file("server.crt"), "--tls-key-file", file("server.key"),
				"--tls-ca-cert-file", file("ca.crt"), "--tls-auth-clients", "no", "--requirepass", PASSWORD);
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	private static void openssl(String... arguments) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(java.util.stream.Stream
			.concat(java.util.stream.Stream.of("/usr/bin/openssl"), List.of(arguments).stream())
			.toList()).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("openssl.log").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("openssl %s", List.of(arguments)).isZero();
	}

	private static String file(String name) {
		return directory.resolve(name).toString();
	}

	private static Tls trustTheTestCa() {
		return Tls.trustPem(directory.resolve("ca.crt"));
	}

	@Test
	void connectsOverTlsWithAPasswordTrustingTheGivenCa() {
		RedisTransport transport = RedisTransport.builder("rediss://localhost:" + server.port())
			.auth(AuthResolver.from(() -> RedisAuth.password(PASSWORD).withTls(trustTheTestCa())))
			.build();
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("tls")) {
			String topic = "choreo:test:tls:" + UUID.randomUUID().toString().substring(0, 8);
			scenario.expect(topic, fieldEquals("secure", true));
			scenario.publish(topic, Map.of("secure", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

	@Test
	void verifiesTheCertificateAgainstTheHostNameTheSettingsName() {
		String url = "redis://127.0.0.1:" + server.port();
		RedisTransport byAddress = RedisTransport.builder(url)
			.connectTimeout(Duration.ofSeconds(3))
			.auth(AuthResolver.of(RedisAuth.password(PASSWORD).withTls(trustTheTestCa())))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> byAddress.connect(TransportListener.NONE))
			.withMessageStartingWith("Could not connect to Redis at '" + url + "' within 3s: ")
			.withMessageContaining("subject alternative names");
		RedisTransport byName = RedisTransport.builder(url)
			.connectTimeout(Duration.ofSeconds(3))
			.mode(RedisMode.STREAMS)
			.auth(AuthResolver.of(RedisAuth.password(PASSWORD).withTls(trustTheTestCa().withHostname("localhost"))))
			.build();
		try {
			byName.connect(TransportListener.NONE);
			assertThat(byName.isConnected()).isTrue();
		}
		finally {
			byName.close();
		}
	}

	@Test
	void refusesAServerItDoesNotTrust() {
		RedisTransport transport = RedisTransport.builder("rediss://localhost:" + server.port())
			.connectTimeout(Duration.ofSeconds(3))
			.auth(AuthResolver.of(RedisAuth.password(PASSWORD).withTls(Tls.defaultTrust())))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Could not connect to Redis at 'rediss://localhost:" + server.port() + "' within 3s: ")
				.doesNotContain(PASSWORD));
		assertThat(transport.isConnected()).isFalse();
	}

}

package dev.choreo.test.autoconfigure.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChoreoTest @ChoreoTest} on an application whose Redis connection uses an SSL
 * bundle ({@code spring.data.redis.ssl.bundle}), against a redis-server the test starts
 * with a certificate signed by a CA it creates with openssl.
 */
@ChoreoTest(properties = { "choreo.kafka.enabled=false", "choreo.rabbit.enabled=false", "choreo.nats.enabled=false",
		"choreo.correlation.policy=field" })
@Import(ChoreoTestSslBundleIntegrationTests.TlsServer.class)
@DirtiesContext
class ChoreoTestSslBundleIntegrationTests {

	private static Path directory;

	private static BrokerProcess server;

	@Autowired
	private SslBundles sslBundles;

	@DynamicPropertySource
	static void redisOverTls(DynamicPropertyRegistry registry) throws Exception {
		directory = Files.createTempDirectory("choreo-slice-tls-");
		Files.writeString(directory.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
				"-subj", "/CN=choreo-test-ca");
		openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
				"/CN=localhost");
		openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
				"server.crt", "-days", "2", "-extfile", "server.ext");
		int port = Brokers.freePort();
		server = BrokerProcess.start("redis-slice-tls", "redis-server", port, "--port", "0", "--tls-port",
				String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
				directory.toString(), "--tls-cert-file", file("server.crt"), "--tls-key-file", file("server.key"),
				"--tls-ca-cert-file", file("ca.crt"), "--tls-auth-clients", "no");
		registry.add("spring.ssl.bundle.pem.redis.truststore.certificate", () -> "file:" + file("ca.crt"));
		registry.add("spring.data.redis.host", () -> "localhost");
		registry.add("spring.data.redis.port", () -> port);
		registry.add("spring.data.redis.ssl.bundle", () -> "redis");
	}

	private static void openssl(String... arguments) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(
				Stream.concat(Stream.of("/usr/bin/openssl"), Stream.of(arguments)).toList())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("openssl.log").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("openssl %s", List.of(arguments)).isZero();
	}

	private static String file(String name) {
		return directory.resolve(name).toString();
	}

	@Test
	void startsTheSliceWithTheApplicationsSslBundleAndTalksToRedisOverTls(Harness redisHarness) {
		assertThat(this.sslBundles.getBundle("redis")).isNotNull();
		try (Scenario scenario = redisHarness.scenario("tls")) {
			scenario.expect("choreo:slice:tls", fieldEquals("secure", true));
			scenario.publish("choreo:slice:tls", Map.of("secure", true))
				.awaitAll(Duration.ofSeconds(10))
				.assertPassed();
		}
	}

	/**
	 * Stops the server when the context closes, after the harness.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TlsServer {

		@Bean(destroyMethod = "close")
		BrokerProcess redisTlsServer() {
			return server;
		}

	}

}

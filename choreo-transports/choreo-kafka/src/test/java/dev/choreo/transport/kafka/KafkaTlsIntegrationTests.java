package dev.choreo.transport.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.auth.Tls;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS credentials on an embedded broker with an {@code SSL} listener whose self-signed
 * certificate names {@code localhost}: a PEM authority and a trust store become client
 * properties, a ready-made context and a host name go through the transport's own engine
 * factory, and an untrusted broker fails the connect.
 */
class KafkaTlsIntegrationTests {

	private static final String PASSWORD = "server-s3cret";

	@TempDir
	static Path directory;

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", file("server.p12"),
				"-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", file("server.p12"), "-storepass", PASSWORD,
				"-file", file("server.pem"));
		keytool("-importcert", "-noprompt", "-alias", "server", "-file", file("server.pem"), "-storetype", "PKCS12",
				"-keystore", file("trust.p12"), "-storepass", PASSWORD);
		keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", file("other.p12"), "-storepass", PASSWORD,
				"-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", file("other.p12"), "-storepass", PASSWORD,
				"-file", file("other.pem"));
		broker = KafkaBrokers.start(Map.of("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT",
				"ssl.keystore.location", file("server.p12"), "ssl.keystore.type", "PKCS12", "ssl.keystore.password",
				PASSWORD, "ssl.key.password", PASSWORD, "ssl.truststore.location", file("trust.p12"),
				"ssl.truststore.type", "PKCS12", "ssl.truststore.password", PASSWORD));
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void trustsTheBrokerThroughAPemAuthority() {
		roundTrip(broker.getBrokersAsString(), KafkaAuth.ssl(Tls.trustPem(directory.resolve("server.pem"))));
	}

	@Test
	void trustsTheBrokerThroughATrustStore() {
		roundTrip(broker.getBrokersAsString(),
				KafkaAuth.ssl(Tls.trustStore(directory.resolve("trust.p12"), "PKCS12", PASSWORD)));
	}

	@Test
	void verifiesTheBrokerAgainstAGivenHostNameWithAReadyMadeContext() {
		SSLContext context = Tls.trustPem(directory.resolve("server.pem")).createSslContext();
		String byAddress = broker.getBrokersAsString().replace("localhost", "127.0.0.1");
		roundTrip(byAddress, KafkaAuth.ssl(Tls.of(context).withHostname("localhost")));
	}

	@Test
	void refusesABrokerItDoesNotTrust() {
		KafkaTransport transport = KafkaTransport.builder(broker.getBrokersAsString())
			.connectTimeout(Duration.ofSeconds(10))
			.auth(AuthResolver.of(KafkaAuth.ssl(Tls.trustPem(directory.resolve("other.pem")))))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessageStartingWith("Could not connect to Kafka at [" + broker.getBrokersAsString()
					+ "]: the TLS handshake failed (SslAuthenticationException: ");
		assertThat(transport.isConnected()).isFalse();
	}

	private static void roundTrip(String bootstrap, KafkaAuth auth) {
		try (Harness harness = Harness.builder(KafkaTransport.builder(bootstrap).auth(AuthResolver.of(auth)).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("tls")) {
			String topic = "choreo.tls." + java.util.UUID.randomUUID().toString().substring(0, 8);
			scenario.expect(topic, fieldEquals("secure", true));
			scenario.publish(topic, Map.of("secure", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
		assertThat(auth.isConsumed()).isTrue();
	}

	private static String file(String name) {
		return directory.resolve(name).toString();
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(directory, "keytool", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], Files.readString(log)).isZero();
	}

}

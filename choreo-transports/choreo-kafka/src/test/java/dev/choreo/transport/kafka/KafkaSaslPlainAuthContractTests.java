package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Map;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.tck.AuthContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authentication contract on an embedded broker the test starts with a
 * {@code SASL_PLAINTEXT} listener that takes {@code PLAIN} credentials.
 */
class KafkaSaslPlainAuthContractTests extends AuthContractTests {

	static final String USER = "choreo";

	static final String PASSWORD = "s3cret-Pa55";

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokers.start(saslPlainBroker());
	}

	static Map<String, String> saslPlainBroker() {
		return Map.of("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
				"sasl.enabled.mechanisms", "PLAIN", "sasl.mechanism.inter.broker.protocol", "PLAIN",
				"listener.name.external.plain.sasl.jaas.config",
				KafkaCredentials.PLAIN_LOGIN_MODULE + " required username=\"admin\" password=\"admin-s3cret\""
						+ " user_admin=\"admin-s3cret\" user_" + USER + "=\"" + PASSWORD + "\";");
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Override
	protected Transport transportWith(AuthResolver<?> auth) {
		return KafkaTransport.builder(broker.getBrokersAsString())
			.connectTimeout(Duration.ofSeconds(5))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth validCredentials() {
		return KafkaAuth.saslPlain(USER, PASSWORD);
	}

	@Override
	protected TransportAuth wrongCredentials() {
		return KafkaAuth.saslPlain(USER, "wrong-Pa55word");
	}

	@Override
	protected String wrongSecret() {
		return "wrong-Pa55word";
	}

	@Test
	void namesTheBrokerAndTheRefusalWhenTheCredentialsAreWrong() {
		Transport transport = transportWith(AuthResolver.of(wrongCredentials()));
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessage("Could not connect to Kafka at [" + broker.getBrokersAsString()
					+ "]: the broker refused the credentials (SaslAuthenticationException: Authentication failed:"
					+ " Invalid username or password)")
			.withNoCause();
	}

}

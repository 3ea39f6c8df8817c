package dev.choreo.transport.rabbitmq;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.auth.Tls;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The connection factory a transport builds for itself from its URI and credentials.
 */
class RabbitFactoriesTests {

	@Test
	void appliesUserAndPasswordAndConsumesTheCredentials() {
		RabbitAuth auth = RabbitAuth.userPassword("app", "pa55w0rd");
		CachingConnectionFactory factory = RabbitFactories.create(BrokerUri.parse("amqp://127.0.0.1:5673/orders"),
				Duration.ofSeconds(3), auth);
		try {
			ConnectionFactory rabbit = factory.getRabbitConnectionFactory();
			assertThat(rabbit.getUsername()).isEqualTo("app");
			assertThat(rabbit.getPassword()).isEqualTo("pa55w0rd");
			assertThat(rabbit.getHost()).isEqualTo("127.0.0.1");
			assertThat(rabbit.getPort()).isEqualTo(5673);
			assertThat(rabbit.getVirtualHost()).isEqualTo("orders");
			assertThat(rabbit.isSSL()).isFalse();
			assertThat(auth.isConsumed()).isTrue();
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void boundsConnectingByTheTimeoutAndLeavesRecoveryToTheTransport() {
		CachingConnectionFactory factory = RabbitFactories.create(BrokerUri.parse(RabbitBroker.URI),
				Duration.ofMillis(2500), null);
		try {
			ConnectionFactory rabbit = factory.getRabbitConnectionFactory();
			assertThat(rabbit.getConnectionTimeout()).isEqualTo(2500);
			assertThat(rabbit.getHandshakeTimeout()).isEqualTo(2500);
			assertThat(rabbit.isAutomaticRecoveryEnabled()).isFalse();
			assertThat(rabbit.getExceptionHandler()).isInstanceOf(QuietExceptionHandler.class);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void usesTlsOnTheDefaultAmqpsPort() {
		CachingConnectionFactory factory = RabbitFactories.create(BrokerUri.parse("amqps://rabbit.example"),
				Duration.ofSeconds(3), null);
		try {
			assertThat(factory.getRabbitConnectionFactory().isSSL()).isTrue();
			assertThat(factory.getRabbitConnectionFactory().getPort()).isEqualTo(5671);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void authenticatesWithTheClientCertificateForExternal() throws NoSuchAlgorithmException {
		RabbitAuth auth = RabbitAuth.tls(Tls.of(SSLContext.getDefault()));
		CachingConnectionFactory factory = RabbitFactories.create(BrokerUri.parse("amqps://rabbit.example:5999"),
				Duration.ofSeconds(3), auth);
		try {
			ConnectionFactory rabbit = factory.getRabbitConnectionFactory();
			assertThat(rabbit.isSSL()).isTrue();
			assertThat(rabbit.getSaslConfig()).isSameAs(DefaultSaslConfig.EXTERNAL);
			assertThat(auth.isConsumed()).isTrue();
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void verifiesTheBrokerCertificateAgainstTheHostOrTheGivenName() throws Exception {
		try (SSLSocket plain = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket();
				SSLSocket named = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket()) {
			RabbitFactories.verifyHost(null).configure(plain);
			RabbitFactories.verifyHost("rabbit.internal").configure(named);
			assertThat(plain.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
			assertThat(named.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
			assertThat(named.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("rabbit.internal"));
		}
	}

	@Test
	void refusesTlsCredentialsForAPlainUri() throws NoSuchAlgorithmException {
		RabbitAuth auth = RabbitAuth.userPassword("app", "pa55w0rd").withTls(Tls.of(SSLContext.getDefault()));
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> RabbitFactories.create(BrokerUri.parse("amqp://app-host"), Duration.ofSeconds(3), auth))
			.withMessage("RabbitMQ credentials with TLS settings need an amqps:// URI; got 'amqp://app-host:5672'");
		assertThat(auth.isConsumed()).isTrue();
	}

}

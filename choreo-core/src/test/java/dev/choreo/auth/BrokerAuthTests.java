package dev.choreo.auth;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KafkaAuth}, {@link RabbitAuth} and {@link RedisAuth}.
 */
class BrokerAuthTests {

	@Test
	void kafkaSaslKindsNameTheirProtocolAndMechanism() {
		KafkaAuth plain = KafkaAuth.saslPlain("alice", "s3cret");
		assertThat(plain.kind()).isEqualTo(KafkaAuth.Kind.SASL_PLAIN);
		assertThat(plain.securityProtocol()).isEqualTo("SASL_PLAINTEXT");
		assertThat(plain.saslMechanism()).isEqualTo("PLAIN");
		KafkaAuth scram = KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, "alice", "s3cret")
			.withTls(Descriptors.tls());
		assertThat(scram.kind()).isEqualTo(KafkaAuth.Kind.SASL_SCRAM_SSL);
		assertThat(scram.securityProtocol()).isEqualTo("SASL_SSL");
		assertThat(scram.saslMechanism()).isEqualTo("SCRAM-SHA-512");
		assertThat(KafkaAuth.saslPlain("a", "p").withTls(Descriptors.tls()).kind())
			.isEqualTo(KafkaAuth.Kind.SASL_PLAIN_SSL);
		assertThat(KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_256, "a", "p").saslMechanism())
			.isEqualTo("SCRAM-SHA-256");
	}

	@Test
	void kafkaSslHasNoSaslMechanism() {
		KafkaAuth ssl = KafkaAuth.ssl(Descriptors.tls());
		assertThat(ssl.securityProtocol()).isEqualTo("SSL");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(ssl::saslMechanism)
			.withMessage("KafkaAuth.SSL(<redacted>) has no SASL mechanism");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(ssl::user)
			.withMessage("KafkaAuth.SSL(<redacted>) has no user");
	}

	@Test
	void kafkaConsumeZeroesThePasswordAndKeepsTheProtocol() {
		char[] password = "s3cret".toCharArray();
		KafkaAuth auth = KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_256, "alice", password);
		assertThat(auth.user()).isEqualTo("alice");
		assertThat(auth.password()).containsExactly("s3cret".toCharArray());
		auth.consume();
		assertThat(password).containsOnly('\0');
		assertThat(auth.securityProtocol()).isEqualTo("SASL_PLAINTEXT");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::password);
	}

	@Test
	void rabbitKinds() {
		assertThat(RabbitAuth.userPassword("alice", "s3cret").kind()).isEqualTo(RabbitAuth.Kind.USER_PASSWORD);
		assertThat(RabbitAuth.userPassword("alice", "s3cret").withTls(Descriptors.tls()).kind())
			.isEqualTo(RabbitAuth.Kind.USER_PASSWORD_WITH_TLS);
		assertThat(RabbitAuth.tls(Descriptors.clientTls()).kind()).isEqualTo(RabbitAuth.Kind.EXTERNAL);
		assertThat(RabbitAuth.tls(Tls.defaultTrust().withPemKey(Path.of("c.pem"), Path.of("k.pem"))).kind())
			.isEqualTo(RabbitAuth.Kind.EXTERNAL);
	}

	@Test
	void rabbitExternalNeedsAClientCertificate() {
		assertThatIllegalArgumentException().isThrownBy(() -> RabbitAuth.tls(Descriptors.tls()))
			.withMessage("RabbitMQ EXTERNAL authentication needs a client certificate: "
					+ "add one with withKeyStore or withPemKey");
	}

	@Test
	void rabbitExternalAcceptsAReadyMadeContext() throws Exception {
		assertThat(RabbitAuth.tls(Tls.of(SSLContext.getDefault())).kind()).isEqualTo(RabbitAuth.Kind.EXTERNAL);
	}

	@Test
	void rabbitConsumeZeroesThePassword() {
		char[] password = "s3cret".toCharArray();
		RabbitAuth auth = RabbitAuth.userPassword("alice", password);
		assertThat(auth.user()).isEqualTo("alice");
		auth.consume();
		assertThat(password).containsOnly('\0');
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::user);
	}

	@Test
	void redisKinds() {
		assertThat(RedisAuth.password("s3cret").kind()).isEqualTo(RedisAuth.Kind.PASSWORD);
		assertThat(RedisAuth.acl("alice", "s3cret").kind()).isEqualTo(RedisAuth.Kind.ACL);
		assertThat(RedisAuth.password("s3cret").withTls(Descriptors.tls()).kind())
			.isEqualTo(RedisAuth.Kind.PASSWORD_WITH_TLS);
		assertThat(RedisAuth.acl("alice", "s3cret").withTls(Descriptors.tls()).kind())
			.isEqualTo(RedisAuth.Kind.ACL_WITH_TLS);
		assertThat(RedisAuth.tls(Descriptors.tls()).kind()).isEqualTo(RedisAuth.Kind.TLS);
	}

	@Test
	void redisPasswordOnlyHasNoUser() {
		RedisAuth auth = RedisAuth.password("s3cret");
		assertThat(auth.password()).containsExactly("s3cret".toCharArray());
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::user)
			.withMessage("RedisAuth.PASSWORD(<redacted>) has no user");
	}

	@Test
	void redisConsumeZeroesThePassword() {
		char[] password = "s3cret".toCharArray();
		RedisAuth auth = RedisAuth.acl("alice", password).withTls(Descriptors.tls());
		assertThat(auth.user()).isEqualTo("alice");
		auth.consume();
		assertThat(password).containsOnly('\0');
	}

}

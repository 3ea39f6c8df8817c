package dev.choreo.auth;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/**
 * Every descriptor variant, each built with the secret {@link #SECRET} wherever it takes
 * one.
 */
final class Descriptors {

	static final String SECRET = "s3cret";

	private static final Path CREDS = Path.of("/secrets/s3cret.creds");

	private Descriptors() {
	}

	static Stream<Named<Supplier<TransportAuth>>> all() {
		return Stream.of(named("NatsAuth.USER_PASSWORD", () -> NatsAuth.userPassword("alice", SECRET)),
				named("NatsAuth.TOKEN", () -> NatsAuth.token(SECRET)),
				named("NatsAuth.NKEY", () -> NatsAuth.nkey(SECRET)),
				named("NatsAuth.CREDENTIALS_FILE", () -> NatsAuth.credentialsFile(CREDS)),
				named("NatsAuth.TLS", () -> NatsAuth.tls(tls())),
				named("NatsAuth.USER_PASSWORD_WITH_TLS", () -> NatsAuth.userPassword("alice", SECRET).withTls(tls())),
				named("NatsAuth.TOKEN_WITH_TLS", () -> NatsAuth.token(SECRET).withTls(tls())),
				named("NatsAuth.NKEY_WITH_TLS", () -> NatsAuth.nkey(SECRET).withTls(tls())),
				named("NatsAuth.CREDENTIALS_FILE_WITH_TLS", () -> NatsAuth.credentialsFile(CREDS).withTls(tls())),
				named("KafkaAuth.SASL_PLAIN", () -> KafkaAuth.saslPlain("alice", SECRET)),
				named("KafkaAuth.SASL_SCRAM",
						() -> KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_256, "alice", SECRET)),
				named("KafkaAuth.SASL_PLAIN_SSL", () -> KafkaAuth.saslPlain("alice", SECRET).withTls(tls())),
				named("KafkaAuth.SASL_SCRAM_SSL",
						() -> KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, "alice", SECRET).withTls(tls())),
				named("KafkaAuth.SSL", () -> KafkaAuth.ssl(tls())),
				named("RabbitAuth.USER_PASSWORD", () -> RabbitAuth.userPassword("alice", SECRET)),
				named("RabbitAuth.USER_PASSWORD_WITH_TLS",
						() -> RabbitAuth.userPassword("alice", SECRET).withTls(tls())),
				named("RabbitAuth.EXTERNAL", () -> RabbitAuth.tls(clientTls())),
				named("RedisAuth.PASSWORD", () -> RedisAuth.password(SECRET)),
				named("RedisAuth.ACL", () -> RedisAuth.acl("alice", SECRET)),
				named("RedisAuth.PASSWORD_WITH_TLS", () -> RedisAuth.password(SECRET).withTls(tls())),
				named("RedisAuth.ACL_WITH_TLS", () -> RedisAuth.acl("alice", SECRET).withTls(tls())),
				named("RedisAuth.TLS", () -> RedisAuth.tls(tls())));
	}

	private static Named<Supplier<TransportAuth>> named(String name, Supplier<TransportAuth> supplier) {
		return Named.of(name, supplier);
	}

	static Tls tls() {
		return Tls.trustStore(Path.of("/secrets/trust.p12"), "PKCS12", SECRET).withHostname("s3cret.test");
	}

	static Tls clientTls() {
		return tls().withKeyStore(Path.of("/secrets/client.p12"), "PKCS12", SECRET);
	}

}

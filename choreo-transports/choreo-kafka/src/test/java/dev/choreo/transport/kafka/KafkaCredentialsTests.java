package dev.choreo.transport.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.choreo.auth.KafkaAuth;
import dev.choreo.auth.Tls;
import dev.choreo.transport.kafka.internal.ContextSslEngineFactory;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Translating {@link KafkaAuth} into Kafka client properties.
 */
class KafkaCredentialsTests {

	@TempDir
	Path directory;

	@Test
	void translatesSaslPlainIntoAJaasConfigurationThatIsHidden() {
		char[] password = "s3cret".toCharArray();
		KafkaAuth auth = KafkaAuth.saslPlain("choreo", password);
		Map<String, Object> properties = KafkaCredentials.properties(auth);
		assertThat(properties).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config")
			.contains(entry("security.protocol", "SASL_PLAINTEXT"), entry("sasl.mechanism", "PLAIN"));
		Password jaas = (Password) properties.get("sasl.jaas.config");
		assertThat(jaas.value()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required"
				+ " username=\"choreo\" password=\"s3cret\";");
		assertThat(jaas).hasToString("[hidden]");
		assertThat(properties.toString()).doesNotContain("s3cret");
		assertThat(auth.isConsumed()).isTrue();
		assertThat(password).containsOnly('\0');
	}

	@Test
	void escapesQuotesAndBackslashesInTheJaasConfiguration() {
		Map<String, Object> properties = KafkaCredentials.properties(KafkaAuth.saslPlain("us\"er", "pa\\ss\"word"));
		assertThat(((Password) properties.get("sasl.jaas.config")).value())
			.endsWith(" username=\"us\\\"er\" password=\"pa\\\\ss\\\"word\";");
	}

	@Test
	void translatesScramOverTlsWithAPemAuthority() throws Exception {
		Path ca = Files.writeString(this.directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
		KafkaAuth auth = KafkaAuth.saslScram(KafkaAuth.ScramMechanism.SHA_512, "choreo", "s3cret")
			.withTls(Tls.trustPem(ca));
		Map<String, Object> properties = KafkaCredentials.properties(auth);
		assertThat(properties).contains(entry("security.protocol", "SASL_SSL"),
				entry("sasl.mechanism", "SCRAM-SHA-512"), entry("ssl.truststore.type", "PEM"),
				entry("ssl.truststore.location", ca.toString()));
		assertThat(((Password) properties.get("sasl.jaas.config")).value())
			.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"choreo\"");
		assertThat(auth.isConsumed()).isTrue();
	}

	@Test
	void translatesTlsWithStoresIntoStoreSettings() {
		Path trust = this.directory.resolve("trust.p12");
		Path keys = this.directory.resolve("client.p12");
		KafkaAuth auth = KafkaAuth
			.ssl(Tls.trustStore(trust, "PKCS12", "trust-s3cret").withKeyStore(keys, "PKCS12", "key-s3cret"));
		Map<String, Object> properties = KafkaCredentials.properties(auth);
		assertThat(properties)
			.contains(entry("security.protocol", "SSL"), entry("ssl.truststore.location", trust.toString()),
					entry("ssl.truststore.type", "PKCS12"), entry("ssl.keystore.location", keys.toString()),
					entry("ssl.keystore.type", "PKCS12"))
			.doesNotContainKey("sasl.mechanism");
		assertThat(((Password) properties.get("ssl.truststore.password")).value()).isEqualTo("trust-s3cret");
		assertThat(((Password) properties.get("ssl.keystore.password")).value()).isEqualTo("key-s3cret");
		assertThat(((Password) properties.get("ssl.key.password")).value()).isEqualTo("key-s3cret");
		assertThat(properties.toString()).doesNotContain("s3cret");
	}

	@Test
	void translatesAPemClientKeyIntoItsContents() throws Exception {
		Path certificate = Files.writeString(this.directory.resolve("client.pem"), "CERTIFICATE CHAIN");
		Path key = Files.writeString(this.directory.resolve("client.key"), "PRIVATE KEY");
		Map<String, Object> properties = KafkaCredentials
			.properties(KafkaAuth.ssl(Tls.defaultTrust().withPemKey(certificate, key)));
		assertThat(properties).contains(entry("security.protocol", "SSL"), entry("ssl.keystore.type", "PEM"))
			.doesNotContainKey("ssl.truststore.location");
		assertThat(((Password) properties.get("ssl.keystore.certificate.chain")).value())
			.isEqualTo("CERTIFICATE CHAIN");
		assertThat(((Password) properties.get("ssl.keystore.key")).value()).isEqualTo("PRIVATE KEY");
	}

	@Test
	void handsAReadyMadeContextAndAHostNameToItsOwnEngineFactory() throws Exception {
		SSLContext context = SSLContext.getDefault();
		Map<String, Object> properties = KafkaCredentials
			.properties(KafkaAuth.ssl(Tls.of(context).withHostname("kafka.internal")));
		assertThat(properties).containsOnly(entry("security.protocol", "SSL"),
				entry("ssl.engine.factory.class", ContextSslEngineFactory.class),
				entry(ContextSslEngineFactory.CONTEXT, context),
				entry(ContextSslEngineFactory.HOSTNAME, "kafka.internal"));
	}

}

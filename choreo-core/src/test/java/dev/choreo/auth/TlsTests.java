package dev.choreo.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Tls}, with key material made by {@code keytool} and handshakes run in
 * memory.
 */
class TlsTests {

	private static final String CONSUMED = "auth descriptor has already been consumed by another connect()";

	@TempDir
	static Path directory;

	static TlsMaterial material;

	@BeforeAll
	static void createKeyMaterial() throws Exception {
		material = new TlsMaterial(directory);
	}

	@Test
	void pemCaFileTrustsTheServer() throws Exception {
		SSLContext client = Tls.trustPem(material.path("server.pem")).createSslContext();
		SSLSession session = Handshake.run(client, material.serverContext(), false);
		assertThat(session.getLocalCertificates()).containsExactly(material.certificate("server"));
	}

	@Test
	void trustStoreTrustsTheServer() throws Exception {
		Tls tls = Tls.trustStore(material.path("trust.p12"), "PKCS12", TlsMaterial.TRUST_PASSWORD);
		SSLSession session = Handshake.run(tls.createSslContext(), material.serverContext(), false);
		assertThat(session.getProtocol()).startsWith("TLS");
	}

	@Test
	void defaultTrustRefusesASelfSignedServer() throws Exception {
		SSLContext client = Tls.defaultTrust().createSslContext();
		SSLContext server = material.serverContext();
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> Handshake.run(client, server, false));
	}

	@Test
	void caFileOfAnotherCertificateRefusesTheServer() throws Exception {
		SSLContext client = Tls.trustPem(material.path("client.pem")).createSslContext();
		SSLContext server = material.serverContext();
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> Handshake.run(client, server, false));
	}

	@Test
	void keyStorePresentsTheClientCertificate() throws Exception {
		Tls tls = Tls.trustPem(material.path("server.pem"))
			.withKeyStore(material.path("client.p12"), "PKCS12", TlsMaterial.CLIENT_PASSWORD);
		Certificate client = material.certificate("client");
		SSLSession session = Handshake.run(tls.createSslContext(), material.serverContext(client), true);
		assertThat(session.getPeerCertificates()).containsExactly(client);
	}

	@Test
	void pemRsaKeyPresentsTheClientCertificate() throws Exception {
		Tls tls = Tls.trustPem(material.path("server.pem"))
			.withPemKey(material.path("client.pem"), material.path("client-key.pem"));
		Certificate client = material.certificate("client");
		SSLSession session = Handshake.run(tls.createSslContext(), material.serverContext(client), true);
		assertThat(session.getPeerCertificates()).containsExactly(client);
	}

	@Test
	void pemEcKeyPresentsTheClientCertificate() throws Exception {
		Tls tls = Tls.trustPem(material.path("server.pem"))
			.withPemKey(material.path("server.pem"), material.path("server-key.pem"));
		Certificate certificate = material.certificate("server");
		SSLSession session = Handshake.run(tls.createSslContext(), material.serverContext(certificate), true);
		assertThat(session.getPeerCertificates()).containsExactly(certificate);
	}

	@Test
	void serverRefusesAClientWithoutCertificateWhenItNeedsOne() throws Exception {
		SSLContext client = Tls.trustPem(material.path("server.pem")).createSslContext();
		SSLContext server = material.serverContext(material.certificate("client"));
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> Handshake.run(client, server, true));
	}

	@Test
	void readyMadeContextIsUsedAsItIs() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, null, null);
		assertThat(Tls.of(context).createSslContext()).isSameAs(context);
		assertThat(Tls.of(context).withHostname("broker.test").sslContext()).isSameAs(context);
	}

	@Test
	void readyMadeContextTakesNoOtherKeyMaterial() throws Exception {
		Tls tls = Tls.of(SSLContext.getDefault());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> tls.withKeyStore(Path.of("k.p12"), "PKCS12", "pw"))
			.withMessage("TLS settings made from an SSLContext take no other key material");
	}

	@Test
	void wrongTrustStorePasswordIsReportedWithClassNamesOnly() {
		Path store = material.path("trust.p12");
		Tls tls = Tls.trustStore(store, "PKCS12", "wrong-s3cret");
		assertThatExceptionOfType(AuthException.class).isThrownBy(tls::createSslContext)
			.withMessage("TLS trust store " + store
					+ " could not be loaded: IOException caused by UnrecoverableKeyException")
			.withNoCause();
	}

	@Test
	void missingCaFileIsReported() {
		Path missing = directory.resolve("missing.pem");
		assertThatExceptionOfType(AuthException.class).isThrownBy(() -> Tls.trustPem(missing).createSslContext())
			.withMessage("TLS CA file " + missing + " could not be loaded: NoSuchFileException");
	}

	@Test
	void keyStoreWithWrongPasswordIsReported() {
		Path store = material.path("client.p12");
		Tls tls = Tls.defaultTrust().withKeyStore(store, "PKCS12", "wrong");
		assertThatExceptionOfType(AuthException.class).isThrownBy(tls::createSslContext)
			.withMessage(
					"TLS key store " + store + " could not be loaded: IOException caused by UnrecoverableKeyException");
	}

	@Test
	void keyThatIsNotPkcs8IsReported() throws Exception {
		Path key = Files.writeString(directory.resolve("rsa.pem"),
				"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
		Tls tls = Tls.defaultTrust().withPemKey(material.path("client.pem"), key);
		assertThatExceptionOfType(AuthException.class).isThrownBy(tls::createSslContext)
			.withMessage(
					"TLS client key " + key + " is not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)");
	}

	@Test
	void keyOfUnknownAlgorithmIsReported() throws Exception {
		Path key = Files.writeString(directory.resolve("garbage.pem"),
				"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		Tls tls = Tls.defaultTrust().withPemKey(material.path("client.pem"), key);
		assertThatExceptionOfType(AuthException.class).isThrownBy(tls::createSslContext)
			.withMessage("TLS client key " + key + " is neither an RSA nor an EC key");
	}

	@Test
	void certificateFileWithoutCertificateIsReported() throws Exception {
		Path empty = Files.writeString(directory.resolve("empty.pem"), "");
		Tls tls = Tls.defaultTrust().withPemKey(empty, material.path("client-key.pem"));
		assertThatExceptionOfType(AuthException.class).isThrownBy(tls::createSslContext)
			.withMessage("TLS certificate file " + empty + " holds no certificate");
	}

	@Test
	void withersLeaveTheOriginalUnchanged() {
		Tls original = Tls.trustPem(Path.of("ca.pem"));
		Tls withKey = original.withKeyStore(Path.of("client.p12"), "PKCS12", "pw");
		Tls withHost = withKey.withHostname("broker.test");
		Tls withPem = withHost.withPemKey(Path.of("c.pem"), Path.of("k.pem"));
		assertThat(original.hasClientKey()).isFalse();
		assertThat(original.hostname()).isNull();
		assertThat(withKey.keyStorePath()).isEqualTo(Path.of("client.p12"));
		assertThat(withKey.keyStoreType()).isEqualTo("PKCS12");
		assertThat(withKey.hostname()).isNull();
		assertThat(withHost.hostname()).isEqualTo("broker.test");
		assertThat(withHost.caFile()).isEqualTo(Path.of("ca.pem"));
		assertThat(withPem.keyStorePath()).isNull();
		assertThat(withPem.certificateFile()).isEqualTo(Path.of("c.pem"));
		assertThat(withPem.privateKeyFile()).isEqualTo(Path.of("k.pem"));
		assertThat(withPem.hostname()).isEqualTo("broker.test");
	}

	@Test
	void passwordsAreReturnedAsCopies() {
		Tls tls = Tls.trustStore(Path.of("t.p12"), "JKS", "s3cret");
		char[] password = tls.trustStorePassword();
		assertThat(password).containsExactly("s3cret".toCharArray());
		password[0] = 'X';
		assertThat(tls.trustStorePassword()).containsExactly("s3cret".toCharArray());
		assertThat(tls.trustStorePath()).isEqualTo(Path.of("t.p12"));
		assertThat(tls.trustStoreType()).isEqualTo("JKS");
		assertThat(tls.keyStorePassword()).isNull();
	}

	@Test
	void toStringIsRedacted() {
		Tls tls = Tls.trustStore(Path.of("/secrets/t.p12"), "PKCS12", "s3cret").withHostname("broker.test");
		assertThat(tls).hasToString("Tls(<redacted>)");
	}

	@Test
	void consumedSettingsCannotBuildAContext() {
		Tls tls = Tls.trustPem(material.path("server.pem"));
		NatsAuth.tls(tls).consume();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(tls::createSslContext).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(tls::caFile).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> tls.withHostname("x"))
			.withMessage(CONSUMED);
	}

}

package dev.choreo.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key material for TLS tests, made with the JDK's {@code keytool}: a server key pair (EC,
 * for {@code localhost}) and a client key pair (RSA), each self-signed, exported as
 * PKCS12 stores, PEM certificates and PKCS#8 PEM keys.
 */
final class TlsMaterial {

	static final String SERVER_PASSWORD = "server-s3cret";

	static final String CLIENT_PASSWORD = "client-s3cret";

	static final String TRUST_PASSWORD = "trust-s3cret";

	final Path directory;

	TlsMaterial(Path directory) throws Exception {
		this.directory = directory;
		genkey("server", "EC", SERVER_PASSWORD, "CN=localhost", "-groupname", "secp256r1", "-ext", "san=dns:localhost");
		genkey("client", "RSA", CLIENT_PASSWORD, "CN=choreo-client", "-keysize", "2048");
		writeTrustStore(path("trust.p12"), certificate("server"));
	}

	private void genkey(String name, String algorithm, String password, String dname, String... extra)
			throws Exception {
		List<String> command = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", algorithm, "-dname",
				dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", path(name + ".p12").toString(),
				"-storepass", password, "-keypass", password));
		command.addAll(List.of(extra));
		keytool(command);
		keytool(List.of("-exportcert", "-rfc", "-alias", name, "-keystore", path(name + ".p12").toString(),
				"-storepass", password, "-file", path(name + ".pem").toString()));
		writePkcs8(name, password);
	}

	private static void keytool(List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
	}

	private void writePkcs8(String name, String password) throws Exception {
		Key key = keyStore(name, password).getKey(name, password.toCharArray());
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		Files.writeString(path(name + "-key.pem"),
				"-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
	}

	static void writeTrustStore(Path file, Certificate... certificates) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		for (int i = 0; i < certificates.length; i++) {
			store.setCertificateEntry("trusted-" + i, certificates[i]);
		}
		try (OutputStream output = Files.newOutputStream(file)) {
			store.store(output, TRUST_PASSWORD.toCharArray());
		}
	}

	Path path(String name) {
		return this.directory.resolve(name);
	}

	Certificate certificate(String name) throws Exception {
		String password = name.equals("server") ? SERVER_PASSWORD : CLIENT_PASSWORD;
		return keyStore(name, password).getCertificate(name);
	}

	private KeyStore keyStore(String name, String password) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream input = Files.newInputStream(path(name + ".p12"))) {
			store.load(input, password.toCharArray());
		}
		return store;
	}

	/**
	 * Return the server's context: its own key, trusting the given certificates (for
	 * client authentication).
	 */
	SSLContext serverContext(Certificate... trusted) throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore("server", SERVER_PASSWORD), SERVER_PASSWORD.toCharArray());
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		for (int i = 0; i < trusted.length; i++) {
			trust.setCertificateEntry("client-" + i, trusted[i]);
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), null);
		return context;
	}

}

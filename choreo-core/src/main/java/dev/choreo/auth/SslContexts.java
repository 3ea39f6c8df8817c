package dev.choreo.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Builds SSL contexts from {@link Tls} settings with the JDK alone. Failures name the
 * file and the exception classes, never their messages.
 */
final class SslContexts {

	private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PKCS8_END = "-----END PRIVATE KEY-----";

	private static final String[] KEY_ALGORITHMS = { "RSA", "EC" };

	private SslContexts() {
	}

	static SSLContext create(KeyManager @Nullable [] keyManagers, TrustManager @Nullable [] trustManagers) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw failure("TLS context", null, ex);
		}
	}

	static TrustManager[] trustManagers(Tls.StoreFile store) {
		try {
			return trustManagers(load(store));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw failure("TLS trust store", store.path(), ex);
		}
	}

	static TrustManager[] trustManagers(Path caFile) {
		try {
			KeyStore store = emptyStore();
			int index = 0;
			for (Certificate certificate : certificates(caFile)) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
			return trustManagers(store);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw failure("TLS CA file", caFile, ex);
		}
	}

	static KeyManager[] keyManagers(Tls.StoreFile store) {
		try {
			return keyManagers(load(store), store.password());
		}
		catch (IOException | GeneralSecurityException ex) {
			throw failure("TLS key store", store.path(), ex);
		}
	}

	static KeyManager[] keyManagers(Path certificateFile, Path privateKeyFile) {
		List<Certificate> chain = pemChain(certificateFile);
		PrivateKey key = privateKey(privateKeyFile);
		char[] password = new char[0];
		try {
			KeyStore store = emptyStore();
			store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
			return keyManagers(store, password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw failure("TLS client key", privateKeyFile, ex);
		}
	}

	private static List<Certificate> pemChain(Path certificateFile) {
		try {
			List<Certificate> chain = new ArrayList<>(certificates(certificateFile));
			if (chain.isEmpty()) {
				throw new AuthException("TLS certificate file " + certificateFile + " holds no certificate");
			}
			return chain;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw failure("TLS certificate file", certificateFile, ex);
		}
	}

	private static PrivateKey privateKey(Path file) {
		byte[] der = pkcs8(file);
		try {
			for (String algorithm : KEY_ALGORITHMS) {
				PrivateKey key = privateKey(der, algorithm);
				if (key != null) {
					return key;
				}
			}
			throw new AuthException("TLS client key " + file + " is neither an RSA nor an EC key");
		}
		finally {
			Arrays.fill(der, (byte) 0);
		}
	}

	private static @Nullable PrivateKey privateKey(byte[] der, String algorithm) {
		try {
			return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static byte[] pkcs8(Path file) {
		String pem;
		try {
			pem = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw failure("TLS client key", file, ex);
		}
		int begin = pem.indexOf(PKCS8_BEGIN);
		int end = pem.indexOf(PKCS8_END);
		if (begin < 0 || end < begin) {
			throw new AuthException(
					"TLS client key " + file + " is not an unencrypted PKCS#8 PEM key (" + PKCS8_BEGIN + ")");
		}
		try {
			return Base64.getMimeDecoder().decode(pem.substring(begin + PKCS8_BEGIN.length(), end));
		}
		catch (IllegalArgumentException ex) {
			throw failure("TLS client key", file, ex);
		}
	}

	private static Collection<? extends Certificate> certificates(Path file)
			throws IOException, GeneralSecurityException {
		try (InputStream input = Files.newInputStream(file)) {
			return CertificateFactory.getInstance("X.509").generateCertificates(input);
		}
	}

	private static KeyStore load(Tls.StoreFile store) throws IOException, GeneralSecurityException {
		KeyStore keyStore = KeyStore.getInstance(store.type());
		try (InputStream input = Files.newInputStream(store.path())) {
			keyStore.load(input, store.password());
		}
		return keyStore;
	}

	private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		return store;
	}

	private static TrustManager[] trustManagers(KeyStore store) throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return factory.getTrustManagers();
	}

	private static KeyManager[] keyManagers(KeyStore store, char[] password) throws GeneralSecurityException {
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory.getKeyManagers();
	}

	private static AuthException failure(String what, @Nullable Path file, Exception ex) {
		String subject = (file != null) ? what + " " + file : what;
		return new AuthException(subject + " could not be loaded: " + classNames(ex));
	}

	private static String classNames(Throwable failure) {
		StringBuilder names = new StringBuilder(failure.getClass().getSimpleName());
		Throwable current = failure;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
			names.append(" caused by ").append(current.getClass().getSimpleName());
		}
		return names.toString();
	}

}

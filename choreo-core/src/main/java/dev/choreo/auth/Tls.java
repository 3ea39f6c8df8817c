package dev.choreo.auth;

import java.nio.file.Path;
import java.util.Objects;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * TLS settings for a broker connection: what to trust (a PEM CA file, a trust store, or
 * the JDK's defaults), an optional client certificate (a key store, or PEM certificate
 * and PKCS#8 key files), and an optional host name to verify; or a ready-made
 * {@link SSLContext}.
 * <p>
 * Instances are immutable; withers return a new instance that shares the password arrays.
 * Passwords given as {@code char[]} are kept, not copied, and are zeroed when the
 * descriptor that owns these settings is {@link TransportAuth#consume() consumed}; after
 * that every accessor throws. Files are read only by {@link #createSslContext()}.
 *
 * @since 0.1.0
 */
public final class Tls {

	private @Nullable Path caFile;

	private @Nullable StoreFile trustStore;

	private @Nullable StoreFile keyStore;

	private @Nullable Path certificateFile;

	private @Nullable Path privateKeyFile;

	private @Nullable String hostname;

	private @Nullable SSLContext sslContext;

	private boolean cleared;

	private Tls() {
	}

	private Tls copy() {
		Tls copy = new Tls();
		copy.caFile = this.caFile;
		copy.trustStore = this.trustStore;
		copy.keyStore = this.keyStore;
		copy.certificateFile = this.certificateFile;
		copy.privateKeyFile = this.privateKeyFile;
		copy.hostname = this.hostname;
		copy.sslContext = this.sslContext;
		return copy;
	}

	/**
	 * Trust what the JDK trusts by default.
	 * @return the settings
	 */
	public static Tls defaultTrust() {
		return new Tls();
	}

	/**
	 * Trust the certificates in a PEM file.
	 * @param caFile the PEM file with one or more CA certificates
	 * @return the settings
	 */
	public static Tls trustPem(Path caFile) {
		Tls tls = new Tls();
		tls.caFile = Objects.requireNonNull(caFile, "caFile");
		return tls;
	}

	/**
	 * Trust the certificates in a trust store.
	 * @param path the trust store file
	 * @param type the key store type, such as {@code PKCS12} or {@code JKS}
	 * @param password the password, copied
	 * @return the settings
	 */
	public static Tls trustStore(Path path, String type, String password) {
		return trustStore(path, type, password.toCharArray());
	}

	/**
	 * Trust the certificates in a trust store.
	 * @param path the trust store file
	 * @param type the key store type, such as {@code PKCS12} or {@code JKS}
	 * @param password the password, kept and zeroed when consumed
	 * @return the settings
	 */
	public static Tls trustStore(Path path, String type, char[] password) {
		Tls tls = new Tls();
		tls.trustStore = new StoreFile(path, type, password);
		return tls;
	}

	/**
	 * Use a ready-made SSL context as it is.
	 * @param sslContext the context
	 * @return the settings
	 */
	public static Tls of(SSLContext sslContext) {
		Tls tls = new Tls();
		tls.sslContext = Objects.requireNonNull(sslContext, "sslContext");
		return tls;
	}

	/**
	 * Return settings that also present the client certificate in a key store.
	 * @param path the key store file
	 * @param type the key store type, such as {@code PKCS12} or {@code JKS}
	 * @param password the password of the store and its key, copied
	 * @return the new settings
	 */
	public Tls withKeyStore(Path path, String type, String password) {
		return withKeyStore(path, type, password.toCharArray());
	}

	/**
	 * Return settings that also present the client certificate in a key store.
	 * @param path the key store file
	 * @param type the key store type, such as {@code PKCS12} or {@code JKS}
	 * @param password the password of the store and its key, kept and zeroed when
	 * consumed
	 * @return the new settings
	 */
	public synchronized Tls withKeyStore(Path path, String type, char[] password) {
		Tls tls = keyMaterialCopy();
		tls.keyStore = new StoreFile(path, type, password);
		return tls;
	}

	/**
	 * Return settings that also present a client certificate from PEM files.
	 * @param certificateFile the PEM certificate chain, client certificate first
	 * @param privateKeyFile the unencrypted PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}),
	 * RSA or EC
	 * @return the new settings
	 */
	public synchronized Tls withPemKey(Path certificateFile, Path privateKeyFile) {
		Tls tls = keyMaterialCopy();
		tls.certificateFile = Objects.requireNonNull(certificateFile, "certificateFile");
		tls.privateKeyFile = Objects.requireNonNull(privateKeyFile, "privateKeyFile");
		return tls;
	}

	private Tls keyMaterialCopy() {
		checkNotCleared();
		if (this.sslContext != null) {
			throw new IllegalStateException("TLS settings made from an SSLContext take no other key material");
		}
		Tls tls = copy();
		tls.keyStore = null;
		tls.certificateFile = null;
		tls.privateKeyFile = null;
		return tls;
	}

	/**
	 * Return settings that verify the broker's certificate against this host name instead
	 * of the one in the URL.
	 * @param hostname the host name
	 * @return the new settings
	 */
	public synchronized Tls withHostname(String hostname) {
		checkNotCleared();
		Tls tls = copy();
		tls.hostname = Objects.requireNonNull(hostname, "hostname");
		return tls;
	}

	/**
	 * Build an SSL context from these settings, reading the files now. Returns the
	 * ready-made context when there is one.
	 * @return the SSL context
	 * @throws AuthException if a file cannot be read or parsed
	 */
	public synchronized SSLContext createSslContext() {
		checkNotCleared();
		if (this.sslContext != null) {
			return this.sslContext;
		}
		return SslContexts.create(keyManagers(), trustManagers());
	}

	private KeyManager @Nullable [] keyManagers() {
		if (this.keyStore != null) {
			return SslContexts.keyManagers(this.keyStore);
		}
		if (this.certificateFile != null && this.privateKeyFile != null) {
			return SslContexts.keyManagers(this.certificateFile, this.privateKeyFile);
		}
		return null;
	}

	private TrustManager @Nullable [] trustManagers() {
		if (this.trustStore != null) {
			return SslContexts.trustManagers(this.trustStore);
		}
		if (this.caFile != null) {
			return SslContexts.trustManagers(this.caFile);
		}
		return null;
	}

	/**
	 * Return whether these settings present a client certificate from a key store or PEM
	 * files.
	 * @return whether client key material is configured
	 */
	public synchronized boolean hasClientKey() {
		checkNotCleared();
		return this.keyStore != null || this.privateKeyFile != null;
	}

	/**
	 * Return the PEM CA file.
	 * @return the file, or {@code null}
	 */
	public synchronized @Nullable Path caFile() {
		checkNotCleared();
		return this.caFile;
	}

	/**
	 * Return the trust store file.
	 * @return the file, or {@code null}
	 */
	public synchronized @Nullable Path trustStorePath() {
		checkNotCleared();
		return (this.trustStore != null) ? this.trustStore.path() : null;
	}

	/**
	 * Return the trust store type.
	 * @return the type, or {@code null}
	 */
	public synchronized @Nullable String trustStoreType() {
		checkNotCleared();
		return (this.trustStore != null) ? this.trustStore.type() : null;
	}

	/**
	 * Return a copy of the trust store password; zero it when done.
	 * @return the password, or {@code null}
	 */
	public synchronized char @Nullable [] trustStorePassword() {
		checkNotCleared();
		return (this.trustStore != null) ? this.trustStore.password().clone() : null;
	}

	/**
	 * Return the client key store file.
	 * @return the file, or {@code null}
	 */
	public synchronized @Nullable Path keyStorePath() {
		checkNotCleared();
		return (this.keyStore != null) ? this.keyStore.path() : null;
	}

	/**
	 * Return the client key store type.
	 * @return the type, or {@code null}
	 */
	public synchronized @Nullable String keyStoreType() {
		checkNotCleared();
		return (this.keyStore != null) ? this.keyStore.type() : null;
	}

	/**
	 * Return a copy of the client key store password; zero it when done.
	 * @return the password, or {@code null}
	 */
	public synchronized char @Nullable [] keyStorePassword() {
		checkNotCleared();
		return (this.keyStore != null) ? this.keyStore.password().clone() : null;
	}

	/**
	 * Return the PEM client certificate chain file.
	 * @return the file, or {@code null}
	 */
	public synchronized @Nullable Path certificateFile() {
		checkNotCleared();
		return this.certificateFile;
	}

	/**
	 * Return the PEM client private key file.
	 * @return the file, or {@code null}
	 */
	public synchronized @Nullable Path privateKeyFile() {
		checkNotCleared();
		return this.privateKeyFile;
	}

	/**
	 * Return the host name to verify instead of the one in the URL.
	 * @return the host name, or {@code null}
	 */
	public synchronized @Nullable String hostname() {
		checkNotCleared();
		return this.hostname;
	}

	/**
	 * Return the ready-made SSL context.
	 * @return the context, or {@code null}
	 */
	public synchronized @Nullable SSLContext sslContext() {
		checkNotCleared();
		return this.sslContext;
	}

	synchronized void clear() {
		if (this.trustStore != null) {
			TransportAuth.zero(this.trustStore.password());
		}
		if (this.keyStore != null) {
			TransportAuth.zero(this.keyStore.password());
		}
		this.caFile = null;
		this.trustStore = null;
		this.keyStore = null;
		this.certificateFile = null;
		this.privateKeyFile = null;
		this.hostname = null;
		this.sslContext = null;
		this.cleared = true;
	}

	synchronized boolean isCleared() {
		return this.cleared;
	}

	private void checkNotCleared() {
		if (this.cleared) {
			throw new IllegalStateException(TransportAuth.CONSUMED);
		}
	}

	@Override
	public String toString() {
		return "Tls(<redacted>)";
	}

	/**
	 * A key store or trust store file.
	 */
	record StoreFile(Path path, String type, char[] password) {

		StoreFile {
			Objects.requireNonNull(path, "path");
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(password, "password");
		}

		@Override
		public String toString() {
			return "StoreFile(" + this.path + ", " + this.type + ", <redacted>)";
		}

	}

}

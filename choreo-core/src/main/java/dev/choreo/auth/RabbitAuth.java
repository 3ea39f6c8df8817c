package dev.choreo.auth;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Credentials for a RabbitMQ connection: user and password (SASL PLAIN), over plaintext
 * or TLS, or a TLS client certificate (SASL EXTERNAL).
 * <p>
 * Passwords given as {@code char[]} are kept, not copied, so that {@link #consume()}
 * zeroes the caller's array; passwords given as {@code String} are copied into an array
 * first. Accessors return copies.
 *
 * @since 0.1.0
 */
public final class RabbitAuth extends TransportAuth {

	private final Kind kind;

	private @Nullable String user;

	private char @Nullable [] password;

	private RabbitAuth(Kind kind, @Nullable String user, char @Nullable [] password, @Nullable Tls tls) {
		super(tls);
		this.kind = kind;
		this.user = user;
		this.password = password;
	}

	/**
	 * Authenticate with a user name and password.
	 * @param user the user name
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static RabbitAuth userPassword(String user, String password) {
		return userPassword(user, password.toCharArray());
	}

	/**
	 * Authenticate with a user name and password.
	 * @param user the user name
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static RabbitAuth userPassword(String user, char[] password) {
		return new RabbitAuth(Kind.USER_PASSWORD, Objects.requireNonNull(user, "user"),
				Objects.requireNonNull(password, "password"), null);
	}

	/**
	 * Authenticate with a TLS client certificate (SASL EXTERNAL); the broker must be
	 * reached through {@code amqps://}.
	 * @param tls the TLS settings with client key material, owned by the descriptor from
	 * now on
	 * @return the descriptor
	 * @throws IllegalArgumentException if the settings carry no client key material
	 */
	public static RabbitAuth tls(Tls tls) {
		Objects.requireNonNull(tls, "tls");
		if (!tls.hasClientKey() && tls.sslContext() == null) {
			throw new IllegalArgumentException(
					"RabbitMQ EXTERNAL authentication needs a client certificate: add one with withKeyStore or withPemKey");
		}
		return new RabbitAuth(Kind.EXTERNAL, null, null, tls);
	}

	/**
	 * Return a descriptor with the same user and password over TLS. This descriptor hands
	 * its secrets on and can no longer be used.
	 * @param tls the TLS settings, owned by the new descriptor
	 * @return the new descriptor
	 * @throws IllegalStateException if this descriptor already carries TLS settings or is
	 * consumed
	 */
	public synchronized RabbitAuth withTls(Tls tls) {
		Objects.requireNonNull(tls, "tls");
		handOver();
		return new RabbitAuth(Kind.USER_PASSWORD_WITH_TLS, this.user, this.password, tls);
	}

	@Override
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the user name.
	 * @return the user name
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public synchronized String user() {
		return present(this.user, "user");
	}

	/**
	 * Return a copy of the password; zero it when done.
	 * @return the password
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public synchronized char[] password() {
		return present(this.password, "password").clone();
	}

	@Override
	void clearSecrets() {
		zero(this.password);
		this.user = null;
		this.password = null;
	}

	/**
	 * The variants of {@link RabbitAuth}.
	 */
	public enum Kind {

		/** User name and password over plaintext. */
		USER_PASSWORD,

		/** User name and password over TLS. */
		USER_PASSWORD_WITH_TLS,

		/** TLS client certificate (SASL EXTERNAL). */
		EXTERNAL

	}

}

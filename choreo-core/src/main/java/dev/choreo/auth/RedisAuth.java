package dev.choreo.auth;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Credentials for a Redis connection: a password ({@code AUTH password}), an ACL user and
 * password ({@code AUTH user password}), either over TLS, or TLS alone.
 * <p>
 * Passwords given as {@code char[]} are kept, not copied, so that {@link #consume()}
 * zeroes the caller's array; passwords given as {@code String} are copied into an array
 * first. Accessors return copies.
 *
 * @since 0.1.0
 */
public final class RedisAuth extends TransportAuth {

	private final Kind kind;

	private @Nullable String user;

	private char @Nullable [] password;

	private RedisAuth(Kind kind, @Nullable String user, char @Nullable [] password, @Nullable Tls tls) {
		super(tls);
		this.kind = kind;
		this.user = user;
		this.password = password;
	}

	/**
	 * Authenticate with a password only.
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static RedisAuth password(String password) {
		return password(password.toCharArray());
	}

	/**
	 * Authenticate with a password only.
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static RedisAuth password(char[] password) {
		return new RedisAuth(Kind.PASSWORD, null, Objects.requireNonNull(password, "password"), null);
	}

	/**
	 * Authenticate as an ACL user.
	 * @param user the user name
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static RedisAuth acl(String user, String password) {
		return acl(user, password.toCharArray());
	}

	/**
	 * Authenticate as an ACL user.
	 * @param user the user name
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static RedisAuth acl(String user, char[] password) {
		return new RedisAuth(Kind.ACL, Objects.requireNonNull(user, "user"),
				Objects.requireNonNull(password, "password"), null);
	}

	/**
	 * Connect over TLS without a password.
	 * @param tls the TLS settings, owned by the descriptor from now on
	 * @return the descriptor
	 */
	public static RedisAuth tls(Tls tls) {
		return new RedisAuth(Kind.TLS, null, null, Objects.requireNonNull(tls, "tls"));
	}

	/**
	 * Return a descriptor with the same credentials over TLS. This descriptor hands its
	 * secrets on and can no longer be used.
	 * @param tls the TLS settings, owned by the new descriptor
	 * @return the new descriptor
	 * @throws IllegalStateException if this descriptor already carries TLS settings or is
	 * consumed
	 */
	public synchronized RedisAuth withTls(Tls tls) {
		Objects.requireNonNull(tls, "tls");
		handOver();
		Kind combined = (this.kind == Kind.ACL) ? Kind.ACL_WITH_TLS : Kind.PASSWORD_WITH_TLS;
		return new RedisAuth(combined, this.user, this.password, tls);
	}

	@Override
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the ACL user name.
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
	 * The variants of {@link RedisAuth}.
	 */
	public enum Kind {

		/** Password only. */
		PASSWORD,

		/** ACL user and password. */
		ACL,

		/** Password only, over TLS. */
		PASSWORD_WITH_TLS,

		/** ACL user and password, over TLS. */
		ACL_WITH_TLS,

		/** TLS without a password. */
		TLS

	}

}

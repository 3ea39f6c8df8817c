package dev.choreo.auth;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Credentials for a NATS connection: user and password, token, NKey seed, a
 * {@code .creds} file, TLS, or one of the first four over TLS.
 * <p>
 * Secrets given as {@code char[]} are kept, not copied, so that {@link #consume()} zeroes
 * the caller's array; secrets given as {@code String} are copied into an array first.
 * Accessors return copies.
 *
 * @since 0.1.0
 */
public final class NatsAuth extends TransportAuth {

	private final Kind kind;

	private @Nullable String user;

	private char @Nullable [] password;

	private char @Nullable [] token;

	private char @Nullable [] nkeySeed;

	private @Nullable Path credentialsFile;

	private NatsAuth(Kind kind, Fields fields, @Nullable Tls tls) {
		super(tls);
		this.kind = kind;
		this.user = fields.user;
		this.password = fields.password;
		this.token = fields.token;
		this.nkeySeed = fields.nkeySeed;
		this.credentialsFile = fields.credentialsFile;
	}

	/**
	 * Authenticate with a user name and password.
	 * @param user the user name
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static NatsAuth userPassword(String user, String password) {
		return userPassword(user, password.toCharArray());
	}

	/**
	 * Authenticate with a user name and password.
	 * @param user the user name
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static NatsAuth userPassword(String user, char[] password) {
		Fields fields = new Fields();
		fields.user = Objects.requireNonNull(user, "user");
		fields.password = Objects.requireNonNull(password, "password");
		return new NatsAuth(Kind.USER_PASSWORD, fields, null);
	}

	/**
	 * Authenticate with a token.
	 * @param token the token, copied
	 * @return the descriptor
	 */
	public static NatsAuth token(String token) {
		return token(token.toCharArray());
	}

	/**
	 * Authenticate with a token.
	 * @param token the token, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static NatsAuth token(char[] token) {
		Fields fields = new Fields();
		fields.token = Objects.requireNonNull(token, "token");
		return new NatsAuth(Kind.TOKEN, fields, null);
	}

	/**
	 * Authenticate with an NKey seed.
	 * @param seed the seed, copied
	 * @return the descriptor
	 */
	public static NatsAuth nkey(String seed) {
		return nkey(seed.toCharArray());
	}

	/**
	 * Authenticate with an NKey seed.
	 * @param seed the seed, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static NatsAuth nkey(char[] seed) {
		Fields fields = new Fields();
		fields.nkeySeed = Objects.requireNonNull(seed, "seed");
		return new NatsAuth(Kind.NKEY, fields, null);
	}

	/**
	 * Authenticate with a credentials ({@code .creds}) file holding a JWT and an NKey
	 * seed. The file is read by the transport, not here.
	 * @param file the credentials file
	 * @return the descriptor
	 */
	public static NatsAuth credentialsFile(Path file) {
		Fields fields = new Fields();
		fields.credentialsFile = Objects.requireNonNull(file, "file");
		return new NatsAuth(Kind.CREDENTIALS_FILE, fields, null);
	}

	/**
	 * Authenticate with TLS only, with a client certificate if the settings carry one.
	 * @param tls the TLS settings, owned by the descriptor from now on
	 * @return the descriptor
	 */
	public static NatsAuth tls(Tls tls) {
		return new NatsAuth(Kind.TLS, new Fields(), Objects.requireNonNull(tls, "tls"));
	}

	/**
	 * Return a descriptor with the same credentials over TLS. This descriptor hands its
	 * secrets on and can no longer be used.
	 * @param tls the TLS settings, owned by the new descriptor
	 * @return the new descriptor
	 * @throws IllegalStateException if this descriptor already carries TLS settings or is
	 * consumed
	 */
	public synchronized NatsAuth withTls(Tls tls) {
		Objects.requireNonNull(tls, "tls");
		handOver();
		Fields fields = new Fields();
		fields.user = this.user;
		fields.password = this.password;
		fields.token = this.token;
		fields.nkeySeed = this.nkeySeed;
		fields.credentialsFile = this.credentialsFile;
		return new NatsAuth(this.kind.withTls(), fields, tls);
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

	/**
	 * Return a copy of the token; zero it when done.
	 * @return the token
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public synchronized char[] token() {
		return present(this.token, "token").clone();
	}

	/**
	 * Return a copy of the NKey seed; zero it when done.
	 * @return the seed
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public synchronized char[] nkeySeed() {
		return present(this.nkeySeed, "NKey seed").clone();
	}

	/**
	 * Return the credentials file.
	 * @return the file
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public synchronized Path credentialsFile() {
		return present(this.credentialsFile, "credentials file");
	}

	@Override
	void clearSecrets() {
		zero(this.password);
		zero(this.token);
		zero(this.nkeySeed);
		this.user = null;
		this.password = null;
		this.token = null;
		this.nkeySeed = null;
		this.credentialsFile = null;
	}

	/**
	 * The variants of {@link NatsAuth}.
	 */
	public enum Kind {

		/** User name and password. */
		USER_PASSWORD,

		/** Token. */
		TOKEN,

		/** NKey seed. */
		NKEY,

		/** Credentials file (JWT and NKey seed). */
		CREDENTIALS_FILE,

		/** TLS only, with or without a client certificate. */
		TLS,

		/** User name and password over TLS. */
		USER_PASSWORD_WITH_TLS,

		/** Token over TLS. */
		TOKEN_WITH_TLS,

		/** NKey seed over TLS. */
		NKEY_WITH_TLS,

		/** Credentials file over TLS. */
		CREDENTIALS_FILE_WITH_TLS;

		Kind withTls() {
			return switch (this) {
				case USER_PASSWORD -> USER_PASSWORD_WITH_TLS;
				case TOKEN -> TOKEN_WITH_TLS;
				case NKEY -> NKEY_WITH_TLS;
				case CREDENTIALS_FILE -> CREDENTIALS_FILE_WITH_TLS;
				default -> throw new IllegalStateException(this + " already carries TLS settings");
			};
		}

	}

	private static final class Fields {

		private @Nullable String user;

		private char @Nullable [] password;

		private char @Nullable [] token;

		private char @Nullable [] nkeySeed;

		private @Nullable Path credentialsFile;

	}

}

package dev.choreo.auth;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Credentials for a Kafka connection: SASL PLAIN or SCRAM, over plaintext or TLS
 * ({@code SASL_SSL}), or TLS alone ({@code SSL}, with a client certificate if the
 * settings carry one).
 * <p>
 * Passwords given as {@code char[]} are kept, not copied, so that {@link #consume()}
 * zeroes the caller's array; passwords given as {@code String} are copied into an array
 * first. Accessors return copies.
 *
 * @since 0.1.0
 */
public final class KafkaAuth extends TransportAuth {

	private final Kind kind;

	private final @Nullable ScramMechanism scramMechanism;

	private @Nullable String user;

	private char @Nullable [] password;

	private KafkaAuth(Kind kind, @Nullable ScramMechanism scramMechanism, @Nullable String user,
			char @Nullable [] password, @Nullable Tls tls) {
		super(tls);
		this.kind = kind;
		this.scramMechanism = scramMechanism;
		this.user = user;
		this.password = password;
	}

	/**
	 * Authenticate with SASL PLAIN.
	 * @param user the user name
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static KafkaAuth saslPlain(String user, String password) {
		return saslPlain(user, password.toCharArray());
	}

	/**
	 * Authenticate with SASL PLAIN.
	 * @param user the user name
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static KafkaAuth saslPlain(String user, char[] password) {
		return new KafkaAuth(Kind.SASL_PLAIN, null, Objects.requireNonNull(user, "user"),
				Objects.requireNonNull(password, "password"), null);
	}

	/**
	 * Authenticate with SASL SCRAM.
	 * @param mechanism the SCRAM mechanism
	 * @param user the user name
	 * @param password the password, copied
	 * @return the descriptor
	 */
	public static KafkaAuth saslScram(ScramMechanism mechanism, String user, String password) {
		return saslScram(mechanism, user, password.toCharArray());
	}

	/**
	 * Authenticate with SASL SCRAM.
	 * @param mechanism the SCRAM mechanism
	 * @param user the user name
	 * @param password the password, kept and zeroed by {@link #consume()}
	 * @return the descriptor
	 */
	public static KafkaAuth saslScram(ScramMechanism mechanism, String user, char[] password) {
		return new KafkaAuth(Kind.SASL_SCRAM, Objects.requireNonNull(mechanism, "mechanism"),
				Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"), null);
	}

	/**
	 * Connect over TLS without SASL ({@code security.protocol=SSL}).
	 * @param tls the TLS settings, owned by the descriptor from now on
	 * @return the descriptor
	 */
	public static KafkaAuth ssl(Tls tls) {
		return new KafkaAuth(Kind.SSL, null, null, null, Objects.requireNonNull(tls, "tls"));
	}

	/**
	 * Return a descriptor with the same SASL credentials over TLS ({@code SASL_SSL}).
	 * This descriptor hands its secrets on and can no longer be used.
	 * @param tls the TLS settings, owned by the new descriptor
	 * @return the new descriptor
	 * @throws IllegalStateException if this descriptor already carries TLS settings or is
	 * consumed
	 */
	public synchronized KafkaAuth withTls(Tls tls) {
		Objects.requireNonNull(tls, "tls");
		handOver();
		Kind combined = (this.kind == Kind.SASL_PLAIN) ? Kind.SASL_PLAIN_SSL : Kind.SASL_SCRAM_SSL;
		return new KafkaAuth(combined, this.scramMechanism, this.user, this.password, tls);
	}

	@Override
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return Kafka's {@code security.protocol} for this kind. Stays readable after
	 * {@link #consume()}.
	 * @return {@code SASL_PLAINTEXT}, {@code SASL_SSL} or {@code SSL}
	 */
	public String securityProtocol() {
		if (this.kind == Kind.SSL) {
			return "SSL";
		}
		return hasTls() ? "SASL_SSL" : "SASL_PLAINTEXT";
	}

	/**
	 * Return Kafka's {@code sasl.mechanism} for this kind. Stays readable after
	 * {@link #consume()}.
	 * @return {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
	 * @throws IllegalStateException for {@link Kind#SSL}, which uses no SASL
	 */
	public String saslMechanism() {
		if (this.kind == Kind.SSL) {
			throw new IllegalStateException(this + " has no SASL mechanism");
		}
		return (this.scramMechanism != null) ? this.scramMechanism.mechanismName() : "PLAIN";
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
	 * The variants of {@link KafkaAuth}.
	 */
	public enum Kind {

		/** SASL PLAIN over plaintext. */
		SASL_PLAIN,

		/** SASL SCRAM over plaintext. */
		SASL_SCRAM,

		/** SASL PLAIN over TLS. */
		SASL_PLAIN_SSL,

		/** SASL SCRAM over TLS. */
		SASL_SCRAM_SSL,

		/** TLS without SASL. */
		SSL

	}

	/**
	 * The SCRAM mechanisms Kafka supports.
	 */
	public enum ScramMechanism {

		/** {@code SCRAM-SHA-256}. */
		SHA_256("SCRAM-SHA-256"),

		/** {@code SCRAM-SHA-512}. */
		SHA_512("SCRAM-SHA-512");

		private final String mechanismName;

		ScramMechanism(String mechanismName) {
			this.mechanismName = mechanismName;
		}

		/**
		 * Return the mechanism's name as Kafka spells it.
		 * @return the name, such as {@code SCRAM-SHA-256}
		 */
		public String mechanismName() {
			return this.mechanismName;
		}

	}

}

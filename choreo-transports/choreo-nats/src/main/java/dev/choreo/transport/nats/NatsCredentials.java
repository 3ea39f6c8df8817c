package dev.choreo.transport.nats;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.choreo.auth.NatsAuth;
import dev.choreo.transport.TransportException;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

/**
 * Applies NATS credentials to connection options, then clears them from the descriptor.
 * <p>
 * User and password, and a token, are resolved again before every reconnect attempt jnats
 * makes: user and password travel in the user information of the server address that
 * {@link ResolvingServerPool} hands out for the attempt, a token through the options'
 * token supplier, which jnats asks once per attempt. An NKey seed, a credentials file and
 * TLS settings are those of the first connect.
 */
final class NatsCredentials {

	private NatsCredentials() {
	}

	/**
	 * Apply the credentials resolved at connect.
	 * @param auth the descriptor, consumed here
	 * @param options the options to complete
	 * @param again resolves a fresh descriptor for a reconnect attempt, or gives
	 * {@code null} to keep the current credentials
	 * @param failures told when resolving for a reconnect attempt fails; the attempt then
	 * uses the previous credentials
	 */
	static void apply(NatsAuth auth, Options.Builder options, Supplier<@Nullable NatsAuth> again,
			Consumer<RuntimeException> failures) {
		try {
			switch (auth.kind()) {
				case USER_PASSWORD, USER_PASSWORD_WITH_TLS -> {
					Rotation rotation = new Rotation(auth.kind(), auth.user(), auth.password(), again);
					options.serverPool(new ResolvingServerPool(rotation, failures));
				}
				case TOKEN, TOKEN_WITH_TLS -> {
					Rotation rotation = new Rotation(auth.kind(), null, auth.token(), again);
					options.serverPool(new ResolvingServerPool(rotation, failures)).tokenSupplier(rotation::secret);
				}
				case NKEY, NKEY_WITH_TLS -> options.authHandler(new NKeyAuthHandler(auth.nkeySeed()));
				case CREDENTIALS_FILE, CREDENTIALS_FILE_WITH_TLS ->
					options.authHandler(Nats.credentials(auth.credentialsFile().toString()));
				case TLS -> {
				}
			}
			if (auth.hasTls()) {
				options.sslContext(auth.tls().createSslContext());
			}
		}
		finally {
			auth.consume();
		}
	}

	/**
	 * The user (if any) and secret of the current attempt, replaced by freshly resolved
	 * ones before each reconnect attempt.
	 */
	static final class Rotation {

		private final NatsAuth.Kind kind;

		private final Supplier<@Nullable NatsAuth> again;

		private @Nullable String user;

		private char[] secret;

		Rotation(NatsAuth.Kind kind, @Nullable String user, char[] secret, Supplier<@Nullable NatsAuth> again) {
			this.kind = kind;
			this.user = user;
			this.secret = secret;
			this.again = again;
		}

		/**
		 * Resolve the credentials again; on failure, or when the resolver has nothing
		 * new, the previous ones stay.
		 * @throws RuntimeException from the resolver, without secrets
		 */
		void refresh() {
			NatsAuth fresh = this.again.get();
			if (fresh == null) {
				return;
			}
			try {
				if (fresh.kind() != this.kind) {
					throw new TransportException("The NATS auth resolver answered with " + fresh.kind()
							+ " on reconnect, but the connection was made with " + this.kind);
				}
				boolean token = this.kind == NatsAuth.Kind.TOKEN || this.kind == NatsAuth.Kind.TOKEN_WITH_TLS;
				String newUser = token ? null : fresh.user();
				char[] newSecret = token ? fresh.token() : fresh.password();
				synchronized (this) {
					Arrays.fill(this.secret, '\0');
					this.user = newUser;
					this.secret = newSecret;
				}
			}
			finally {
				fresh.consume();
			}
		}

		synchronized @Nullable String user() {
			return this.user;
		}

		/**
		 * Return a copy of the current secret, for jnats to send.
		 * @return the secret
		 */
		synchronized char[] secret() {
			return this.secret.clone();
		}

	}

	/**
	 * Signs the server's nonce with a user NKey.
	 */
	private static final class NKeyAuthHandler implements AuthHandler {

		private final NKey key;

		NKeyAuthHandler(char[] seed) {
			this.key = NKey.fromSeed(seed);
		}

		@Override
		public byte[] sign(byte[] nonce) {
			try {
				return this.key.sign(nonce);
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new TransportException(
						"Could not sign the NATS nonce with the NKey (" + ex.getClass().getName() + ")");
			}
		}

		@Override
		public char[] getID() {
			try {
				return this.key.getPublicKey();
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new TransportException("Could not read the NKey's public key (" + ex.getClass().getName() + ")");
			}
		}

		@Override
		public char @Nullable [] getJWT() {
			return null;
		}

	}

}

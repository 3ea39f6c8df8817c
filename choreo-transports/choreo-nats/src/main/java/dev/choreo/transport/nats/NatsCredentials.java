package dev.choreo.transport.nats;

import java.io.IOException;
import java.security.GeneralSecurityException;

import dev.choreo.auth.NatsAuth;
import dev.choreo.transport.TransportException;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

/**
 * Applies NATS credentials to connection options, then clears them from the descriptor.
 */
final class NatsCredentials {

	private NatsCredentials() {
	}

	static void apply(NatsAuth auth, Options.Builder options) {
		try {
			switch (auth.kind()) {
				case USER_PASSWORD, USER_PASSWORD_WITH_TLS ->
					options.userInfo(auth.user().toCharArray(), auth.password());
				case TOKEN, TOKEN_WITH_TLS -> options.token(auth.token());
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

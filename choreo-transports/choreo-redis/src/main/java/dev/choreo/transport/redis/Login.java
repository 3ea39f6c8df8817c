package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.Arrays;

import javax.net.ssl.SSLContext;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.RedisCredentialsProviderFactory;

/**
 * What one connect needs to log on: an optional ACL user and password, and optional TLS
 * settings. Lettuce asks for the credentials at every (re)connection through a
 * {@link RedisCredentialsProvider}, so the password stays here, in an array that
 * {@link #clear()} zeroes when the transport closes, rather than in the client's
 * configuration.
 */
final class Login {

	private final @Nullable String user;

	private char @Nullable [] password;

	private final @Nullable SSLContext sslContext;

	private final @Nullable String tlsHostname;

	private Login(@Nullable String user, char @Nullable [] password, @Nullable SSLContext sslContext,
			@Nullable String tlsHostname) {
		this.user = user;
		this.password = password;
		this.sslContext = sslContext;
		this.tlsHostname = tlsHostname;
	}

	static Login none() {
		return new Login(null, null, null, null);
	}

	static Login of(@Nullable String user, char @Nullable [] password, @Nullable SSLContext sslContext,
			@Nullable String tlsHostname) {
		return new Login(user, password, sslContext, tlsHostname);
	}

	/**
	 * Call the resolver, copy what the client needs and consume the descriptor.
	 * @param resolver the resolver
	 * @param timeout how long the resolver may take
	 * @return the login
	 */
	static Login resolve(AuthResolver<?> resolver, Duration timeout) {
		RedisAuth auth = Auth.resolve(resolver, RedisAuth.class, "redis", timeout);
		try {
			String user = switch (auth.kind()) {
				case ACL, ACL_WITH_TLS -> auth.user();
				case PASSWORD, PASSWORD_WITH_TLS, TLS -> null;
			};
			char[] password = (auth.kind() == RedisAuth.Kind.TLS) ? null : auth.password();
			SSLContext sslContext = auth.hasTls() ? auth.tls().createSslContext() : null;
			String hostname = auth.hasTls() ? auth.tls().hostname() : null;
			return new Login(user, password, sslContext, hostname);
		}
		finally {
			auth.consume();
		}
	}

	boolean hasPassword() {
		return this.password != null;
	}

	@Nullable SSLContext sslContext() {
		return this.sslContext;
	}

	@Nullable String tlsHostname() {
		return this.tlsHostname;
	}

	/**
	 * Return a factory of credential providers that hand Lettuce a copy of the password
	 * at every connection handshake.
	 * @return the factory
	 */
	RedisCredentialsProviderFactory credentialsProviderFactory() {
		return new RedisCredentialsProviderFactory() {

			@Override
			public RedisCredentialsProvider createCredentialsProvider(RedisConfiguration configuration) {
				return RedisCredentialsProvider.from(Login.this::credentials);
			}

		};
	}

	private synchronized RedisCredentials credentials() {
		char[] current = this.password;
		if (current == null) {
			throw new IllegalStateException("The Redis credentials were cleared when the transport closed");
		}
		return RedisCredentials.just(this.user, current.clone());
	}

	/**
	 * Zero the password in place and forget it.
	 */
	synchronized void clear() {
		if (this.password != null) {
			Arrays.fill(this.password, '\0');
			this.password = null;
		}
	}

	@Override
	public String toString() {
		return "Login(<redacted>)";
	}

}

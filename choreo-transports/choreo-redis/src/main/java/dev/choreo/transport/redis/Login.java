package dev.choreo.transport.redis;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;

import javax.net.ssl.SSLContext;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.RedisCredentialsProviderFactory;

/**
 * What one connect needs to log on: an optional ACL user and password, and optional TLS
 * settings. Lettuce asks for the credentials at every (re)connection through a
 * {@link RedisCredentialsProvider}, so the password stays here, in an array that
 * {@link #clear()} zeroes when the transport closes, rather than in the client's
 * configuration.
 * <p>
 * With a resolver, the credentials resolved at connect serve every connection the client
 * opens until one of them breaks; from then on, until a connection is made again, every
 * handshake resolves them anew (on a thread of its own, never the client's event loop),
 * so a password rotated while connected is used to reconnect. A resolver that fails then,
 * or answers with the descriptor of the connect, leaves the previous credentials in use.
 */
final class Login implements RedisConnectionStateListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisTransport.class);

	private @Nullable String user;

	private char @Nullable [] password;

	private final @Nullable SSLContext sslContext;

	private final @Nullable String tlsHostname;

	private final @Nullable AuthResolver<?> resolver;

	private final Duration timeout;

	private boolean reconnecting;

	private Login(@Nullable String user, char @Nullable [] password, @Nullable SSLContext sslContext,
			@Nullable String tlsHostname, @Nullable AuthResolver<?> resolver, Duration timeout) {
		this.user = user;
		this.password = password;
		this.sslContext = sslContext;
		this.tlsHostname = tlsHostname;
		this.resolver = resolver;
		this.timeout = timeout;
	}

	static Login none() {
		return of(null, null, null, null);
	}

	static Login of(@Nullable String user, char @Nullable [] password, @Nullable SSLContext sslContext,
			@Nullable String tlsHostname) {
		return new Login(user, password, sslContext, tlsHostname, null, Duration.ZERO);
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
			return new Login(user, password, sslContext, hostname, resolver, timeout);
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
	 * at every connection handshake, resolved again first while reconnecting.
	 * @return the factory
	 */
	RedisCredentialsProviderFactory credentialsProviderFactory() {
		return new RedisCredentialsProviderFactory() {

			@Override
			public RedisCredentialsProvider createCredentialsProvider(RedisConfiguration configuration) {
				return Login.this::handshake;
			}

		};
	}

	private Mono<RedisCredentials> handshake() {
		AuthResolver<?> again;
		synchronized (this) {
			again = this.reconnecting ? this.resolver : null;
		}
		Mono<RedisCredentials> current = Mono.fromSupplier(this::credentials);
		if (again == null) {
			return current;
		}
		return Mono.fromRunnable(() -> refresh(again)).subscribeOn(Schedulers.boundedElastic()).onErrorResume((ex) -> {
			logger.debug("Could not resolve the Redis credentials again; reconnecting with the previous ones ({})",
					ex.getMessage());
			return Mono.empty();
		}).then(current);
	}

	private void refresh(AuthResolver<?> again) {
		RedisAuth auth = Auth.resolveAgain(again, RedisAuth.class, "redis", this.timeout);
		if (auth == null) {
			return;
		}
		try {
			String newUser = switch (auth.kind()) {
				case ACL, ACL_WITH_TLS -> auth.user();
				case PASSWORD, PASSWORD_WITH_TLS -> null;
				case TLS -> throw new IllegalStateException(
						"The Redis auth resolver answered without a password on reconnect, but the connection was made with one");
			};
			char[] newPassword = auth.password();
			synchronized (this) {
				if (this.password == null) {
					Arrays.fill(newPassword, '\0');
					return;
				}
				Arrays.fill(this.password, '\0');
				this.user = newUser;
				this.password = newPassword;
			}
		}
		finally {
			auth.consume();
		}
	}

	/**
	 * Follow the client's connections: a broken one makes the next handshakes resolve the
	 * credentials again, until a connection is made.
	 * @param client the client
	 */
	void follow(io.lettuce.core.AbstractRedisClient client) {
		if (this.resolver != null && this.password != null) {
			client.addListener(this);
		}
	}

	@Override
	public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
		if (!connection.isClosed()) {
			synchronized (this) {
				this.reconnecting = true;
			}
		}
	}

	@Override
	public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
		synchronized (this) {
			this.reconnecting = false;
		}
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

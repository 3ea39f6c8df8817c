package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.choreo.auth.AuthResolver;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What one {@code connect()} opens: the connection factory (a client of the transport's
 * own, or the application's), the watch on its connections, and the pub/sub or streams
 * messaging over it. {@link #close()} releases all of it except an application's factory.
 */
final class RedisSession {

	private final RedisConnectionFactory factory;

	private final @Nullable OwnedClient owned;

	private final ConnectionWatch watch;

	private final RedisMessaging messaging;

	private RedisSession(RedisConnectionFactory factory, @Nullable OwnedClient owned, ConnectionWatch watch,
			RedisMessaging messaging) {
		this.factory = factory;
		this.owned = owned;
		this.watch = watch;
		this.messaging = messaging;
	}

	/**
	 * Resolve the credentials, start the client and check with a {@code PING} that Redis
	 * answers, all within the connect timeout.
	 * @param url the server, when the transport brings its own client
	 * @param external the application's factory otherwise
	 * @param auth the credentials resolver, or {@code null}
	 * @param settings the transport's settings
	 * @param listener told about the connection
	 * @return the open session
	 * @throws TransportException if Redis cannot be reached in time or refuses the login
	 */
	static RedisSession open(@Nullable RedisUrl url, @Nullable RedisConnectionFactory external,
			@Nullable AuthResolver<?> auth, RedisSettings settings, TransportListener listener) {
		long start = System.nanoTime();
		ConnectionWatch watch = new ConnectionWatch(listener, settings.endpoint());
		OwnedClient owned = (external == null) ? startClient(Objects.requireNonNull(url), auth, settings) : null;
		RedisConnectionFactory factory = (owned != null) ? owned.factory() : Objects.requireNonNull(external);
		try {
			ping(factory, settings, settings.connectTimeout().minus(Duration.ofNanos(System.nanoTime() - start)));
			if (factory instanceof LettuceConnectionFactory lettuce) {
				watch.follow(lettuce.getRequiredNativeClient());
			}
			return new RedisSession(factory, owned, watch, messaging(factory, settings, watch));
		}
		catch (RuntimeException ex) {
			watch.close();
			if (owned != null) {
				owned.close();
			}
			throw ex;
		}
	}

	private static OwnedClient startClient(RedisUrl url, @Nullable AuthResolver<?> auth, RedisSettings settings) {
		Login login = (auth != null) ? Login.resolve(auth, settings.connectTimeout()) : url.login();
		try {
			return OwnedClient.start(url, login, settings);
		}
		catch (RuntimeException ex) {
			login.clear();
			throw connectFailure(settings, Failures.describe(ex));
		}
	}

	private static void ping(RedisConnectionFactory factory, RedisSettings settings, Duration timeout) {
		CompletableFuture<Void> answered = new CompletableFuture<>();
		Thread pinger = new DaemonThreads(settings.threadPrefix() + "connect-").newThread(() -> {
			try (RedisConnection connection = factory.getConnection()) {
				connection.ping();
				answered.complete(null);
			}
			catch (Throwable ex) {
				answered.completeExceptionally(ex);
			}
		});
		pinger.start();
		try {
			answered.get(Math.max(timeout.toNanos(), 1), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw connectFailure(settings, "no answer to PING");
		}
		catch (ExecutionException ex) {
			throw connectFailure(settings, Failures.describe((ex.getCause() != null) ? ex.getCause() : ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException("Interrupted while connecting to Redis at '" + settings.endpoint() + "'");
		}
	}

	private static TransportException connectFailure(RedisSettings settings, String reason) {
		return new TransportException("Could not connect to Redis at '" + settings.endpoint() + "' within "
				+ Failures.words(settings.connectTimeout()) + ": " + reason);
	}

	private static RedisMessaging messaging(RedisConnectionFactory factory, RedisSettings settings,
			ConnectionWatch watch) {
		if (settings.mode() == RedisMode.STREAMS) {
			return new StreamMessaging(factory, settings.threadPrefix(), new StreamCodec(settings.payloadField()),
					watch);
		}
		return new PubSubMessaging(factory, settings.threadPrefix(), settings.commandTimeout(), watch);
	}

	RedisConnectionFactory factory() {
		return this.factory;
	}

	ConnectionWatch watch() {
		return this.watch;
	}

	RedisMessaging messaging() {
		return this.messaging;
	}

	void close() {
		this.watch.close();
		this.messaging.close();
		if (this.owned != null) {
			this.owned.close();
		}
	}

}

package dev.choreo.auth;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The credential lifecycle a transport runs inside {@code connect()}: <pre class="code">
 * Auth.checkNoConflict(url, resolver, "nats");
 * NatsAuth auth = Auth.resolve(resolver, NatsAuth.class, "nats", connectTimeout);
 * try {
 *     // copy what the client needs, then log on
 * }
 * finally {
 *     auth.consume();
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class Auth {

	private Auth() {
	}

	/**
	 * Call the resolver once, wait for its descriptor, check that it is the expected
	 * variant and claim it for this connect. The caller must
	 * {@link TransportAuth#consume() consume} it, also when connecting fails.
	 * @param <A> the descriptor type
	 * @param resolver the resolver
	 * @param expected the descriptor class the transport accepts: one broker's final
	 * class, or {@link TransportAuth} for a transport that accepts every kind
	 * @param transportName the transport's name, for messages
	 * @param timeout how long to wait for the resolver
	 * @return the claimed descriptor
	 * @throws AuthException if the resolver fails or does not answer in time, or the
	 * descriptor is of another variant or already consumed
	 */
	public static <A extends TransportAuth> A resolve(AuthResolver<?> resolver, Class<A> expected, String transportName,
			Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative");
		}
		A auth = variant(await(start(resolver), timeout), expected, transportName);
		String refusal = auth.claim();
		if (refusal != null) {
			throw new AuthException(refusal);
		}
		return auth;
	}

	/**
	 * Call the resolver again before a reconnect attempt, as
	 * {@link #resolve(AuthResolver, Class, String, Duration)} does, except that a
	 * resolver answering with a descriptor already consumed (a
	 * {@linkplain AuthResolver#of literal} one, which served the connect) gives
	 * {@code null}: the transport then keeps the credentials it already has.
	 * @param <A> the descriptor type
	 * @param resolver the resolver
	 * @param expected the descriptor class the transport accepts
	 * @param transportName the transport's name, for messages
	 * @param timeout how long to wait for the resolver
	 * @return the claimed descriptor, or {@code null} to keep the current credentials
	 * @throws AuthException if the resolver fails or does not answer in time, or the
	 * descriptor is of another variant
	 */
	public static <A extends TransportAuth> @Nullable A resolveAgain(AuthResolver<?> resolver, Class<A> expected,
			String transportName, Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative");
		}
		A auth = variant(await(start(resolver), timeout), expected, transportName);
		if (auth.isConsumed()) {
			return null;
		}
		String refusal = auth.claim();
		if (refusal != null) {
			throw new AuthException(refusal);
		}
		return auth;
	}

	/**
	 * Check that a URL carrying credentials is not combined with auth.
	 * @param url the broker URL
	 * @param resolver the configured auth, or {@code null}
	 * @param transportName the transport's name, for messages
	 * @throws ConflictingAuthException if the URL has user information and auth is
	 * configured
	 */
	public static void checkNoConflict(String url, @Nullable AuthResolver<?> resolver, String transportName) {
		if (resolver != null && UrlCredentials.present(url)) {
			throw new ConflictingAuthException(transportName, UrlCredentials.schemeHostPort(url));
		}
	}

	private static CompletionStage<?> start(AuthResolver<?> resolver) {
		try {
			return Objects.requireNonNull(resolver.resolve(), "resolver returned no stage");
		}
		catch (Exception ex) {
			throw AuthException.resolverFailed(ex);
		}
	}

	private static @Nullable Object await(CompletionStage<?> stage, Duration timeout) {
		CompletableFuture<@Nullable Object> answer = new CompletableFuture<>();
		stage.whenComplete((value, failure) -> complete(answer, value, failure));
		try {
			return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw AuthException.resolverFailed((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException ex) {
			cancel(stage);
			throw new AuthException("auth resolver did not answer within " + words(timeout));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel(stage);
			throw new AuthException("interrupted while waiting for the auth resolver");
		}
	}

	private static void complete(CompletableFuture<@Nullable Object> answer, @Nullable Object value,
			@Nullable Throwable failure) {
		if (failure != null) {
			answer.completeExceptionally(failure);
		}
		else {
			answer.complete(value);
		}
	}

	private static void cancel(CompletionStage<?> stage) {
		if (stage instanceof Future<?> future) {
			future.cancel(true);
		}
	}

	private static <A extends TransportAuth> A variant(@Nullable Object resolved, Class<A> expected,
			String transportName) {
		if (!expected.isInstance(resolved)) {
			String got = (resolved != null) ? resolved.getClass().getSimpleName() : "null";
			throw new AuthException("auth descriptor is not a known variant for " + transportName + ": got " + got);
		}
		return expected.cast(resolved);
	}

	static String words(Duration duration) {
		long millis = duration.toMillis();
		if (millis >= 60_000 && millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		if (millis >= 1000) {
			return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
		}
		return millis + "ms";
	}

}

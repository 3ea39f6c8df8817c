package dev.choreo.auth;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Supplies credentials when a transport connects, so that secrets can come from a vault
 * or a file at the last moment rather than sit in configuration. A transport calls
 * {@link #resolve()} through
 * {@link Auth#resolve(AuthResolver, Class, String, java.time.Duration)} once at each
 * {@code connect()}, and again at every reconnect attempt its client makes after losing
 * an established connection, so that credentials rotated while connected are used to
 * reconnect. Each call waits at most the transport's connect timeout. Which credentials a
 * transport resolves again (user and password, tokens; not TLS settings) and which
 * transports do (NATS, Redis, RabbitMQ; not Kafka) is documented on each transport's
 * {@code auth} builder method. A resolver answering on reconnect must keep to the kind of
 * descriptor it answered with at connect.
 * <p>
 * Implementations must return quickly; slow work belongs in the returned stage. Use
 * {@link #from(Supplier)} for a blocking supplier.
 *
 * @param <A> the descriptor type
 * @since 0.1.0
 */
@FunctionalInterface
public interface AuthResolver<A extends TransportAuth> {

	/**
	 * Start resolving the credentials.
	 * @return a stage completed with a fresh descriptor
	 */
	CompletionStage<A> resolve();

	/**
	 * Return a resolver that always answers with the given descriptor. A descriptor
	 * serves one {@code connect()} only; when the transport's client reconnects, it keeps
	 * the credentials of that connect.
	 * @param <A> the descriptor type
	 * @param literal the descriptor
	 * @return the resolver
	 */
	static <A extends TransportAuth> AuthResolver<A> of(A literal) {
		Objects.requireNonNull(literal, "literal");
		return () -> CompletableFuture.completedFuture(literal);
	}

	/**
	 * Return a resolver that calls a blocking supplier. The supplier runs on a thread of
	 * its own, so the connect timeout holds even if it hangs; it must not rely on
	 * thread-local state of the connecting thread.
	 * @param <A> the descriptor type
	 * @param supplier supplies a fresh descriptor
	 * @return the resolver
	 */
	static <A extends TransportAuth> AuthResolver<A> from(Supplier<? extends A> supplier) {
		Objects.requireNonNull(supplier, "supplier");
		Executor ownThread = (task) -> {
			Thread thread = new Thread(task, "choreo-auth-resolver");
			thread.setDaemon(true);
			thread.start();
		};
		return () -> CompletableFuture.supplyAsync(supplier::get, ownThread);
	}

	/**
	 * Return a resolver that calls an asynchronous supplier.
	 * @param <A> the descriptor type
	 * @param supplier starts resolving and returns a stage completed with a fresh
	 * descriptor
	 * @return the resolver
	 */
	static <A extends TransportAuth> AuthResolver<A> async(Supplier<? extends CompletionStage<? extends A>> supplier) {
		Objects.requireNonNull(supplier, "supplier");
		return () -> supplier.get().thenApply((descriptor) -> descriptor);
	}

}

package dev.choreo.auth;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Credentials for one broker connection: {@link NatsAuth}, {@link KafkaAuth},
 * {@link RabbitAuth} or {@link RedisAuth}. No other implementations can exist.
 * <p>
 * A descriptor serves exactly one {@code connect()}: {@link Auth#resolve} claims it, and
 * the transport calls {@link #consume()} once it has copied what it needs, which zeroes
 * every secret array in place (including arrays the caller handed in) and drops every
 * reference. After that, every accessor except {@link #kind()} throws.
 * <p>
 * Descriptors never show their fields: {@link #toString()} renders
 * {@code <Class>.<KIND>(<redacted>)}, and two descriptors are equal only when they are
 * the same object, so an assertion diff cannot print a secret. They cannot be cloned or
 * serialised.
 *
 * @since 0.1.0
 */
public abstract sealed class TransportAuth permits NatsAuth, KafkaAuth, RabbitAuth, RedisAuth {

	static final String CONSUMED = "auth descriptor has already been consumed by another connect()";

	static final String HANDED_ON = "auth descriptor was handed on to the one withTls(...) returned; use that one";

	private State state = State.LIVE;

	private @Nullable Tls tls;

	private final boolean withTls;

	TransportAuth(@Nullable Tls tls) {
		this.tls = tls;
		this.withTls = tls != null;
	}

	/**
	 * Return which variant this is. Stays readable after {@link #consume()}.
	 * @return the kind
	 */
	public abstract Enum<?> kind();

	/**
	 * Return whether this descriptor carries {@link Tls} settings.
	 * @return whether TLS settings are present
	 */
	public final boolean hasTls() {
		return this.withTls;
	}

	/**
	 * Return the TLS settings.
	 * @return the TLS settings
	 * @throws IllegalStateException if this kind has none, or after {@link #consume()}
	 */
	public final synchronized Tls tls() {
		return present(this.tls, "TLS settings");
	}

	/**
	 * Zero every secret in place, drop every reference and mark this descriptor consumed.
	 * Called by a transport once it has copied what it needs.
	 * @throws IllegalStateException if already consumed
	 */
	public final synchronized void consume() {
		checkUsable();
		clearSecrets();
		if (this.tls != null) {
			this.tls.clear();
			this.tls = null;
		}
		this.state = State.CONSUMED;
	}

	/**
	 * Return whether this descriptor can no longer be used: it was consumed, handed on by
	 * {@code withTls(...)}, or its TLS settings were consumed with another descriptor.
	 * @return whether it is consumed
	 */
	public final synchronized boolean isConsumed() {
		return this.state == State.CONSUMED || this.state == State.HANDED_ON || tlsCleared();
	}

	/**
	 * Claim this descriptor for one {@code connect()}.
	 * @return why it cannot be claimed, or {@code null} once claimed
	 */
	final synchronized @Nullable String claim() {
		if (this.state == State.HANDED_ON) {
			return HANDED_ON;
		}
		if (this.state != State.LIVE || tlsCleared()) {
			return CONSUMED;
		}
		this.state = State.CLAIMED;
		return null;
	}

	/**
	 * Mark this descriptor as handed on to a new one that adds TLS settings. Callers hold
	 * the lock and pass the fields on without clearing them.
	 */
	final void handOver() {
		checkUsable();
		if (this.state == State.CLAIMED) {
			throw new IllegalStateException(CONSUMED);
		}
		if (this.withTls) {
			throw new IllegalStateException(this + " already carries TLS settings");
		}
		this.state = State.HANDED_ON;
	}

	/**
	 * Return a field's value, failing when this descriptor is no longer usable or its
	 * kind has no such field. Callers hold the lock.
	 */
	final <T> T present(@Nullable T value, String field) {
		checkUsable();
		if (value == null) {
			throw new IllegalStateException(this + " has no " + field);
		}
		return value;
	}

	private void checkUsable() {
		if (this.state == State.HANDED_ON) {
			throw new IllegalStateException(HANDED_ON);
		}
		if (this.state == State.CONSUMED || tlsCleared()) {
			throw new IllegalStateException(CONSUMED);
		}
	}

	private boolean tlsCleared() {
		return this.tls != null && this.tls.isCleared();
	}

	/**
	 * Zero the secret arrays of the variant in place and drop its references.
	 */
	abstract void clearSecrets();

	static void zero(char @Nullable [] secret) {
		if (secret != null) {
			Arrays.fill(secret, '\0');
		}
	}

	@Override
	public final String toString() {
		return getClass().getSimpleName() + "." + kind().name() + "(<redacted>)";
	}

	/**
	 * Compare by identity only, so that two descriptors with the same secrets are not
	 * equal and an assertion diff never has a reason to print them.
	 */
	@Override
	public final boolean equals(@Nullable Object other) {
		return this == other;
	}

	@Override
	public final int hashCode() {
		return System.identityHashCode(this);
	}

	@Override
	protected final Object clone() throws CloneNotSupportedException {
		throw new CloneNotSupportedException(this + " cannot be copied");
	}

	private enum State {

		LIVE, CLAIMED, CONSUMED, HANDED_ON

	}

}

package dev.choreo.correlation;

import org.jspecify.annotations.Nullable;

/**
 * The policy that does not correlate.
 */
final class NoCorrelationPolicy implements CorrelationPolicy {

	static final NoCorrelationPolicy INSTANCE = new NoCorrelationPolicy();

	private NoCorrelationPolicy() {
	}

	@Override
	public @Nullable String newId() {
		return null;
	}

	@Override
	public Envelope write(Envelope envelope, String correlationId) {
		return envelope;
	}

	@Override
	public @Nullable String read(Envelope envelope) {
		return null;
	}

	@Override
	public boolean routesByCorrelation() {
		return false;
	}

	@Override
	public String toString() {
		return "CorrelationPolicy.none()";
	}

}

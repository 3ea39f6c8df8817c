package dev.choreo.transport.nats;

import java.util.function.Supplier;

import dev.choreo.transport.TransportListener;

/**
 * Whether the transport's connection counts as lost, told to the listener once per
 * change, and each failed attempt to get it back while it is.
 */
final class NatsHealth {

	private final Supplier<TransportListener> listener;

	private boolean down;

	NatsHealth(Supplier<TransportListener> listener) {
		this.listener = listener;
	}

	synchronized void reset() {
		this.down = false;
	}

	synchronized boolean isDown() {
		return this.down;
	}

	void lost(String description) {
		synchronized (this) {
			if (this.down) {
				return;
			}
			this.down = true;
		}
		this.listener.get().connectionLost(description, null);
	}

	void stillLost(String description) {
		if (isDown()) {
			this.listener.get().reconnectFailed(description, null);
		}
	}

	void restored() {
		synchronized (this) {
			if (!this.down) {
				return;
			}
			this.down = false;
		}
		this.listener.get().connectionRestored();
	}

}

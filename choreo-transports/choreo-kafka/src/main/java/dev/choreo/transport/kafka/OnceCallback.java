package dev.choreo.transport.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.transport.PublishCallback;

/**
 * Tells a publish callback exactly one outcome, whichever path reports first.
 */
final class OnceCallback {

	private final PublishCallback callback;

	private final AtomicBoolean done = new AtomicBoolean();

	OnceCallback(PublishCallback callback) {
		this.callback = callback;
	}

	void sent() {
		if (this.done.compareAndSet(false, true)) {
			this.callback.onSent();
		}
	}

	void failed(Throwable error) {
		if (this.done.compareAndSet(false, true)) {
			this.callback.onError(error);
		}
	}

}

package dev.choreo.transport.nats;

import java.util.Set;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import io.nats.client.Dispatcher;

/**
 * A subscription on the transport's current dispatcher, moved to a new one if that
 * stops.
 */
final class NatsSubscription implements Subscription {

	private final String topic;

	private final InboundHandler handler;

	private final Set<NatsSubscription> owner;

	private Dispatcher dispatcher;

	private io.nats.client.Subscription subscription;

	private boolean active = true;

	NatsSubscription(String topic, InboundHandler handler, Dispatcher dispatcher, Set<NatsSubscription> owner) {
		this.topic = topic;
		this.handler = handler;
		this.owner = owner;
		this.dispatcher = dispatcher;
		this.subscription = dispatcher.subscribe(topic, (message) -> NatsMessages.deliver(handler, message));
	}

	@Override
	public String topic() {
		return this.topic;
	}

	/**
	 * Subscribe again on a new dispatcher, leaving the old one to be closed.
	 * @param fresh the new dispatcher
	 */
	synchronized void moveTo(Dispatcher fresh) {
		if (this.active) {
			this.subscription = fresh.subscribe(this.topic, (message) -> NatsMessages.deliver(this.handler, message));
			this.dispatcher = fresh;
		}
	}

	@Override
	public synchronized void unsubscribe() {
		if (!this.active) {
			return;
		}
		this.active = false;
		this.owner.remove(this);
		try {
			if (this.subscription.isActive()) {
				this.dispatcher.unsubscribe(this.subscription);
			}
		}
		catch (IllegalStateException ex) {
			// the dispatcher or connection is already closed: nothing is delivered any
			// more
		}
	}

	@Override
	public String toString() {
		return "NatsSubscription[" + this.topic + "]";
	}

}

package dev.choreo.transport.redis;

import java.net.SocketAddress;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.choreo.transport.TransportListener;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * Tells the {@link TransportListener} when the connection to Redis is lost and when it is
 * back, once per change.
 * <p>
 * Over Lettuce it listens to the client's connections: a connection that goes down
 * without having been closed is broken, and the connection to Redis counts as lost from
 * the first broken one until every broken one is connected again (connections closed on
 * purpose meanwhile are forgotten). Over other clients, which report no such events, it
 * follows what the transport itself sees: a failed command means lost, the next
 * successful one means back. While the connection is lost, every failed reconnect attempt
 * Lettuce publishes is passed on to the listener, so it can tell what keeps Redis
 * unreachable.
 */
final class ConnectionWatch implements RedisConnectionStateListener {

	private final TransportListener listener;

	private final String endpoint;

	private final AtomicBoolean down = new AtomicBoolean();

	private final Set<RedisChannelHandler<?, ?>> broken = Collections.newSetFromMap(new IdentityHashMap<>());

	private volatile @Nullable AbstractRedisClient client;

	private volatile @Nullable Disposable reconnectFailures;

	private volatile Runnable onRestored = () -> {
	};

	ConnectionWatch(TransportListener listener, String endpoint) {
		this.listener = listener;
		this.endpoint = endpoint;
	}

	/**
	 * Follow the connections of a Lettuce client from now on.
	 * @param client the client
	 */
	void follow(AbstractRedisClient client) {
		this.client = client;
		client.addListener(this);
		this.reconnectFailures = client.getResources()
			.eventBus()
			.get()
			.filter(ReconnectFailedEvent.class::isInstance)
			.cast(ReconnectFailedEvent.class)
			.subscribe((event) -> reconnectFailed(event.getCause()));
	}

	/**
	 * Return whether the connection counts as lost.
	 * @return whether it is lost
	 */
	boolean isDown() {
		return this.down.get();
	}

	private void reconnectFailed(Throwable cause) {
		if (this.down.get()) {
			this.listener.reconnectFailed(
					"could not reconnect to Redis at '" + this.endpoint + "': " + Failures.describe(cause), null);
		}
	}

	/**
	 * Run an action whenever the connection is back, before the listener hears of it.
	 * @param action the action
	 */
	void onRestored(Runnable action) {
		this.onRestored = action;
	}

	@Override
	public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
		if (connection.isClosed()) {
			return;
		}
		boolean first;
		synchronized (this.broken) {
			first = this.broken.isEmpty();
			this.broken.add(connection);
		}
		if (first) {
			lost();
		}
	}

	@Override
	public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
		boolean back;
		synchronized (this.broken) {
			boolean wasBroken = !this.broken.isEmpty();
			this.broken.remove(connection);
			this.broken.removeIf(RedisChannelHandler::isClosed);
			back = wasBroken && this.broken.isEmpty();
		}
		if (back) {
			restored();
		}
	}

	/**
	 * A command failed; counts as a loss only where no client is followed.
	 */
	void commandFailed() {
		if (this.client == null) {
			lost();
		}
	}

	/**
	 * A command succeeded; counts as a recovery only where no client is followed.
	 */
	void commandSucceeded() {
		if (this.client == null) {
			restored();
		}
	}

	private void lost() {
		if (this.down.compareAndSet(false, true)) {
			this.listener.connectionLost("lost the connection to Redis at '" + this.endpoint + "'", null);
		}
	}

	private void restored() {
		if (this.down.compareAndSet(true, false)) {
			this.onRestored.run();
			this.listener.connectionRestored();
		}
	}

	/**
	 * Stop following the client's connections.
	 */
	void close() {
		AbstractRedisClient current = this.client;
		if (current != null) {
			current.removeListener(this);
		}
		Disposable subscription = this.reconnectFailures;
		if (subscription != null) {
			subscription.dispose();
		}
	}

}

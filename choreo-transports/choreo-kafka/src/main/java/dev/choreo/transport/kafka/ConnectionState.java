package dev.choreo.transport.kafka;

import java.util.EnumSet;
import java.util.Set;

import dev.choreo.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the transport counts as connected, from the parts that can fail on their own:
 * the cluster (as the {@link ClusterWatcher} sees it) and the consumer loop. The listener
 * hears of a loss when the first part goes down, of each further failure while any part
 * is down, and of the recovery when the last part is back, in that order: it is called
 * under this object's lock.
 */
final class ConnectionState {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	/**
	 * A part of the transport that can be down.
	 */
	enum Part {

		/** The brokers: the cluster watcher's last probe failed. */
		CLUSTER,

		/** The consumer loop: it failed and is being restarted. */
		CONSUMER

	}

	private final TransportListener listener;

	private final Set<Part> down = EnumSet.noneOf(Part.class);

	ConnectionState(TransportListener listener) {
		this.listener = listener;
	}

	/**
	 * A part went down.
	 * @param part the part
	 * @param description what happened, without credentials
	 */
	synchronized void lost(Part part, String description) {
		if (!this.down.add(part)) {
			return;
		}
		logger.debug("Kafka transport: {}", description);
		try {
			if (this.down.size() == 1) {
				this.listener.connectionLost(description, null);
			}
			else {
				this.listener.reconnectFailed(description, null);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("A transport listener raised {} on connection loss", ex.getClass().getName());
		}
	}

	/**
	 * A part that is down failed again to come back.
	 * @param part the part
	 * @param description what the attempt met, without credentials
	 */
	synchronized void stillLost(Part part, String description) {
		if (!this.down.contains(part)) {
			return;
		}
		try {
			this.listener.reconnectFailed(description, null);
		}
		catch (RuntimeException ex) {
			logger.warn("A transport listener raised {} on a failed reconnect", ex.getClass().getName());
		}
	}

	/**
	 * A part is back.
	 * @param part the part
	 */
	synchronized void restored(Part part) {
		if (!this.down.remove(part) || !this.down.isEmpty()) {
			return;
		}
		logger.debug("Kafka transport: the connection is back");
		try {
			this.listener.connectionRestored();
		}
		catch (RuntimeException ex) {
			logger.warn("A transport listener raised {} on connection recovery", ex.getClass().getName());
		}
	}

	/**
	 * Return whether a part is down.
	 * @param part the part
	 * @return whether it is down
	 */
	synchronized boolean isDown(Part part) {
		return this.down.contains(part);
	}

	/**
	 * Return whether every part is up.
	 * @return whether the transport counts as connected
	 */
	synchronized boolean isUp() {
		return this.down.isEmpty();
	}

}

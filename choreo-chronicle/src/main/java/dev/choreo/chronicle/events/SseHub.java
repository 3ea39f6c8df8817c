package dev.choreo.chronicle.events;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.choreo.chronicle.ChronicleProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events connections of this instance. Every event reaches it through the
 * {@link PgEventListener} (the instance's own events too), and goes to the connections of
 * the event's tenant only. A connection that sends {@code Last-Event-ID} first gets the
 * tenant's events after that id from the event table (at most
 * {@code chronicle.sse.replay-limit}), then the live ones, without duplicates.
 *
 * @author Choreo
 */
@Component
@ConditionalOnWebApplication
public class SseHub implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SseHub.class);

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connections = new AtomicInteger();

	private final EventStore store;

	private final ChronicleProperties.Sse settings;

	private final ScheduledExecutorService heartbeats;

	SseHub(EventStore store, ChronicleProperties properties) {
		this.store = store;
		this.settings = properties.getSse();
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "chronicle-sse-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.getHeartbeat().toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Open a stream for a tenant.
	 * @param tenantId the tenant
	 * @param lastEventId the {@code Last-Event-ID} the client sent, or {@code null}
	 * @return the emitter
	 * @throws TooManyConnectionsException when this instance has its maximum of
	 * connections
	 */
	public SseEmitter subscribe(long tenantId, @Nullable Long lastEventId) {
		if (this.connections.incrementAndGet() > this.settings.getMaxConnections()) {
			this.connections.decrementAndGet();
			throw new TooManyConnectionsException(this.settings.getMaxConnections());
		}
		SseEmitter emitter = new SseEmitter(this.settings.getTimeout().toMillis());
		Subscriber subscriber = new Subscriber(tenantId, emitter);
		emitter.onCompletion(() -> remove(subscriber));
		emitter.onTimeout(() -> remove(subscriber));
		emitter.onError((ex) -> remove(subscriber));
		synchronized (subscriber) {
			this.subscribers.add(subscriber);
			subscriber.comment("connected");
			if (lastEventId != null) {
				List<EventStore.Event> replay = this.store.after(tenantId, lastEventId, this.settings.getReplayLimit());
				replay.forEach(subscriber::replay);
			}
		}
		return emitter;
	}

	/**
	 * Send an event to the connections of its tenant.
	 * @param event the event
	 */
	public void publish(EventStore.Event event) {
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.tenantId == event.tenantId()) {
				subscriber.live(event);
			}
		}
	}

	/**
	 * Return the number of open connections.
	 * @return the count
	 */
	public int connections() {
		return this.subscribers.size();
	}

	private void heartbeat() {
		this.subscribers.forEach((subscriber) -> subscriber.comment("heartbeat"));
	}

	private void remove(Subscriber subscriber) {
		if (this.subscribers.remove(subscriber)) {
			this.connections.decrementAndGet();
		}
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.subscribers.forEach((subscriber) -> subscriber.emitter.complete());
	}

	private final class Subscriber {

		private final long tenantId;

		private final SseEmitter emitter;

		private final Set<Long> replayed = new HashSet<>();

		Subscriber(long tenantId, SseEmitter emitter) {
			this.tenantId = tenantId;
			this.emitter = emitter;
		}

		synchronized void replay(EventStore.Event event) {
			this.replayed.add(event.id());
			send(event);
		}

		synchronized void live(EventStore.Event event) {
			if (!this.replayed.remove(event.id())) {
				send(event);
			}
		}

		synchronized void comment(String text) {
			try {
				this.emitter.send(SseEmitter.event().comment(text));
			}
			catch (IOException | IllegalStateException ex) {
				drop(ex);
			}
		}

		private void send(EventStore.Event event) {
			try {
				this.emitter
					.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type()).data(event.payload()));
			}
			catch (IOException | IllegalStateException ex) {
				drop(ex);
			}
		}

		private void drop(Exception ex) {
			logger.debug("Dropping an SSE connection: {}", ex.getMessage());
			remove(this);
			this.emitter.completeWithError(ex);
		}

	}

	/**
	 * Thrown when this instance already has its maximum of SSE connections.
	 */
	public static class TooManyConnectionsException extends RuntimeException {

		TooManyConnectionsException(int max) {
			super("This instance already serves its maximum of " + max + " event streams");
		}

	}

}

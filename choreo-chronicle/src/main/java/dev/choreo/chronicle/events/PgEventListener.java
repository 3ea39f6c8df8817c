package dev.choreo.chronicle.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the {@value EventStore#CHANNEL} channel over a dedicated connection (not one
 * of the pool's), with pgjdbc's {@code PGConnection.getNotifications(timeout)} loop, and
 * hands every event to the {@link SseHub}. A lost connection is opened again after a
 * second; the events appended in between are then read from the table, so no client
 * misses one. Start-up waits until the first {@code LISTEN} is in place, so an instance
 * that reports ready sees every event.
 *
 * @author Choreo
 */
@Component
@ConditionalOnWebApplication
public class PgEventListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PgEventListener.class);

	private static final int POLL_MILLIS = 500;

	private final JdbcConnectionDetails connectionDetails;

	private final EventStore store;

	private final SseHub hub;

	private final CountDownLatch listening = new CountDownLatch(1);

	private volatile boolean running;

	private volatile boolean connected;

	private volatile @Nullable Thread thread;

	private long lastId;

	PgEventListener(JdbcConnectionDetails connectionDetails, EventStore store, SseHub hub) {
		this.connectionDetails = connectionDetails;
		this.store = store;
		this.hub = hub;
	}

	@Override
	public void start() {
		this.lastId = this.store.lastId();
		this.running = true;
		Thread listener = new Thread(this::run, "chronicle-event-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
		try {
			if (!this.listening.await(10, TimeUnit.SECONDS)) {
				logger.warn("The event listener is not listening yet; it keeps trying");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Return whether the listening connection is up.
	 * @return whether events are being received
	 */
	public boolean isConnected() {
		return this.connected;
	}

	private void run() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + EventStore.CHANNEL);
				}
				this.connected = true;
				this.listening.countDown();
				if (!first) {
					catchUp();
				}
				first = false;
				poll(connection.unwrap(PGConnection.class));
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					logger.warn("The event listening connection failed ({}); opening it again", ex.getMessage());
				}
			}
			finally {
				this.connected = false;
			}
			pause();
		}
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		String user = this.connectionDetails.getUsername();
		String password = this.connectionDetails.getPassword();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "chronicle-event-listener");
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(this.connectionDetails.getJdbcUrl(), properties);
	}

	private void poll(PGConnection connection) throws SQLException {
		while (this.running) {
			PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
			if (notifications != null && notifications.length > 0) {
				List<Long> ids = new ArrayList<>();
				for (PGNotification notification : notifications) {
					ids.add(Long.parseLong(notification.getParameter()));
				}
				deliver(this.store.byIds(ids));
			}
		}
	}

	private void catchUp() {
		List<EventStore.Event> missed;
		do {
			missed = this.store.afterAny(this.lastId, 1000);
			deliver(missed);
		}
		while (missed.size() == 1000);
	}

	private void deliver(List<EventStore.Event> events) {
		for (EventStore.Event event : events) {
			this.lastId = Math.max(this.lastId, event.id());
			try {
				this.hub.publish(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Delivering event {} failed", event.id(), ex);
			}
		}
	}

	private void pause() {
		if (this.running) {
			try {
				TimeUnit.SECONDS.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}

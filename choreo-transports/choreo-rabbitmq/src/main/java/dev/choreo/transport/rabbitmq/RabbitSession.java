package dev.choreo.transport.rabbitmq;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Everything one {@code connect()} opens: the connection taken from the factory, the
 * publishing channel, the subscriptions, and the recovery that takes them over to a new
 * connection when the broker drops the old one.
 */
final class RabbitSession {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	private static final Duration RETRY = Duration.ofMillis(500);

	private static final Duration CONFIRM_WAIT = Duration.ofSeconds(2);

	private final ConnectionFactory factory;

	private final @Nullable CachingConnectionFactory owned;

	private final Routing routing;

	private final boolean declareExchange;

	private final String where;

	private final TransportListener listener;

	private final ReentrantLock lock = new ReentrantLock();

	private final Object publisherLock = new Object();

	private final Set<RabbitSubscription> subscriptions = new LinkedHashSet<>();

	private final ScheduledThreadPoolExecutor recovery;

	private final AtomicBoolean down = new AtomicBoolean();

	private volatile boolean closed;

	private @Nullable Connection connection;

	private volatile com.rabbitmq.client.@Nullable Connection raw;

	private @Nullable ShutdownListener shutdownListener;

	private volatile @Nullable ConfirmingPublisher publisher;

	private RabbitSession(ConnectionFactory factory, @Nullable CachingConnectionFactory owned, Routing routing,
			boolean declareExchange, String where, TransportListener listener) {
		this.factory = factory;
		this.owned = owned;
		this.routing = routing;
		this.declareExchange = declareExchange;
		this.where = where;
		this.listener = listener;
		this.recovery = new ScheduledThreadPoolExecutor(1, RabbitFactories.threadFactory("choreo-rabbit-recovery"));
		this.recovery.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Open a session: take a connection from the factory, declare the exchange if asked,
	 * open the publishing channel.
	 * @param owned the factory again when the session owns it (and destroys it on close),
	 * {@code null} for an application's factory
	 * @param where the broker, without credentials, for messages
	 * @param timeout the connect timeout the transport applied, {@code null} for an
	 * application's factory
	 * @throws TransportException if the broker cannot be reached or refuses the setup
	 */
	static RabbitSession open(ConnectionFactory factory, @Nullable CachingConnectionFactory owned, Routing routing,
			boolean declareExchange, String where, @Nullable Duration timeout, TransportListener listener) {
		RabbitSession session = new RabbitSession(factory, owned, routing, declareExchange, where, listener);
		Connection connection = null;
		try {
			connection = factory.createConnection();
			session.lock.lock();
			try {
				session.establish(connection);
			}
			finally {
				session.lock.unlock();
			}
			session.watch(connection.getDelegate());
			return session;
		}
		catch (IOException | RuntimeException ex) {
			session.close();
			if (connection != null) {
				session.giveBack(connection);
			}
			throw RabbitTransport.connectFailure(where, timeout, ex);
		}
	}

	/**
	 * Take a connection into use: the exchange, a new publishing channel, and every
	 * subscription attached again. Called with the lock held.
	 */
	private void establish(Connection connection) throws IOException {
		com.rabbitmq.client.Connection raw = connection.getDelegate();
		if (this.declareExchange) {
			Channel channel = RabbitSubscription.createChannel(raw);
			try {
				channel.exchangeDeclare(this.routing.exchange(), BuiltinExchangeType.TOPIC, true);
			}
			finally {
				RabbitSubscription.closeQuietly(channel);
			}
		}
		ConfirmingPublisher publisher = ConfirmingPublisher.open(raw);
		for (RabbitSubscription subscription : this.subscriptions) {
			try {
				subscription.attach(raw);
			}
			catch (IOException | RuntimeException ex) {
				if (!raw.isOpen()) {
					publisher.close(Duration.ZERO);
					throw ex;
				}
				logger.warn("Could not subscribe to '{}' again after RabbitMQ came back: {}", subscription.topic(),
						RabbitTransport.describe(ex));
			}
		}
		Connection previous = this.connection;
		if (previous != null && previous != connection && this.owned == null) {
			closeQuietly(previous);
		}
		this.connection = connection;
		this.raw = raw;
		replacePublisher(publisher);
		this.down.set(false);
	}

	/**
	 * Report the connection's loss and start recovering; added last, so a connection that
	 * is already gone is reported at once.
	 */
	private void watch(com.rabbitmq.client.Connection raw) {
		ShutdownListener watcher = (cause) -> lost(raw, cause);
		this.lock.lock();
		try {
			this.shutdownListener = watcher;
		}
		finally {
			this.lock.unlock();
		}
		raw.addShutdownListener(watcher);
	}

	private void lost(com.rabbitmq.client.Connection raw, ShutdownSignalException cause) {
		if (this.closed || raw != this.raw || !this.down.compareAndSet(false, true)) {
			return;
		}
		String description = "the connection to RabbitMQ at '" + this.where + "' closed: "
				+ RabbitTransport.describe(cause);
		logger.debug("Lost {}", description);
		this.listener.connectionLost(description, cause);
		schedule(Duration.ZERO);
	}

	private void schedule(Duration delay) {
		try {
			this.recovery.schedule(this::recover, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed meanwhile
		}
	}

	private void recover() {
		if (this.closed) {
			return;
		}
		Connection connection;
		try {
			connection = this.factory.createConnection();
		}
		catch (RuntimeException ex) {
			logger.debug("RabbitMQ at '{}' is not back yet: {}", this.where, RabbitTransport.describe(ex));
			this.listener.reconnectFailed("could not reconnect to RabbitMQ at '" + this.where + "': "
					+ RabbitTransport.describe(innermost(ex)), null);
			schedule(RETRY);
			return;
		}
		this.lock.lock();
		try {
			if (this.closed) {
				giveBack(connection);
				return;
			}
			establish(connection);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not set up RabbitMQ at '{}' again: {}", this.where, RabbitTransport.describe(ex));
			this.listener.reconnectFailed(
					"could not set up RabbitMQ at '" + this.where + "' again: " + RabbitTransport.describe(ex), null);
			giveBack(connection);
			schedule(RETRY);
			return;
		}
		finally {
			this.lock.unlock();
		}
		this.listener.connectionRestored();
		watch(connection.getDelegate());
	}

	/**
	 * Return whether the session's connection is open and taken into use: {@code false}
	 * from its loss until the recovery has attached every subscription to a new one.
	 */
	boolean isUp() {
		com.rabbitmq.client.Connection current = this.raw;
		return !this.closed && !this.down.get() && current != null && current.isOpen();
	}

	private static Throwable innermost(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		RabbitSubscription subscription;
		try {
			subscription = new RabbitSubscription(topic, this.routing, handler, this);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(new TransportException(String.valueOf(ex.getMessage())));
		}
		if (this.routing.destination(topic).isQueue()) {
			return CompletableFuture.failedFuture(new TransportException("RabbitMQ cannot subscribe to '" + topic
					+ "': a queue: topic sends straight to a queue; subscribe to a routing key instead"));
		}
		this.lock.lock();
		try {
			subscription.attach(requireUp("subscribe to '" + topic + "'"));
			this.subscriptions.add(subscription);
			return CompletableFuture.completedFuture(subscription);
		}
		catch (TransportException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		catch (IOException | RuntimeException ex) {
			return CompletableFuture.failedFuture(new TransportException(
					"RabbitMQ did not confirm the subscription to '" + topic + "': " + RabbitTransport.describe(ex),
					ex));
		}
		finally {
			this.lock.unlock();
		}
	}

	void unsubscribe(RabbitSubscription subscription) {
		this.lock.lock();
		try {
			if (this.subscriptions.remove(subscription)) {
				subscription.detach();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the names of the queues of the live subscriptions.
	 */
	List<String> queues() {
		this.lock.lock();
		try {
			List<String> queues = new ArrayList<>();
			for (RabbitSubscription subscription : this.subscriptions) {
				String queue = subscription.queue();
				if (queue != null) {
					queues.add(queue);
				}
			}
			return queues;
		}
		finally {
			this.lock.unlock();
		}
	}

	private com.rabbitmq.client.Connection requireUp(String action) {
		com.rabbitmq.client.Connection raw = this.raw;
		if (this.closed || this.down.get() || raw == null || !raw.isOpen()) {
			throw new TransportException("The connection to RabbitMQ at '" + this.where + "' is down; cannot " + action
					+ " until it is back");
		}
		return raw;
	}

	void publish(TransportMessage message, PublishCallback callback) {
		String topic = message.topic();
		Routing.Destination destination;
		com.rabbitmq.client.AMQP.BasicProperties properties;
		try {
			destination = this.routing.destination(topic);
			properties = RabbitMessages.properties(message, this.routing);
		}
		catch (IllegalArgumentException ex) {
			callback.onError(new TransportException(String.valueOf(ex.getMessage())));
			return;
		}
		ConfirmingPublisher publisher;
		try {
			publisher = publisher(topic);
		}
		catch (TransportException ex) {
			callback.onError(ex);
			return;
		}
		catch (IOException | RuntimeException ex) {
			callback.onError(new TransportException(
					"RabbitMQ publish to '" + topic + "' failed: " + RabbitTransport.describe(ex), ex));
			return;
		}
		publisher.publish(destination, properties, message.payload(), topic, callback);
	}

	/**
	 * Return the publishing channel, opening a new one when the broker closed the last
	 * (after a publish to an exchange that does not exist, for example).
	 */
	private ConfirmingPublisher publisher(String topic) throws IOException {
		ConfirmingPublisher current = this.publisher;
		if (current != null && current.isOpen()) {
			return current;
		}
		synchronized (this.publisherLock) {
			current = this.publisher;
			if (current != null && current.isOpen()) {
				return current;
			}
			current = ConfirmingPublisher.open(requireUp("publish to '" + topic + "'"));
			this.publisher = current;
			return current;
		}
	}

	private void replacePublisher(@Nullable ConfirmingPublisher replacement) {
		ConfirmingPublisher previous;
		synchronized (this.publisherLock) {
			previous = this.publisher;
			this.publisher = replacement;
		}
		if (previous != null && previous != replacement) {
			previous.close(CONFIRM_WAIT);
		}
	}

	/**
	 * Stop recovering, remove every subscription and its queue, close the publishing
	 * channel, and close the connection if the session owns its factory.
	 */
	void close() {
		this.closed = true;
		this.recovery.shutdownNow();
		try {
			this.recovery.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.lock.lock();
		try {
			com.rabbitmq.client.Connection raw = this.raw;
			ShutdownListener watcher = this.shutdownListener;
			if (raw != null && watcher != null) {
				raw.removeShutdownListener(watcher);
			}
			for (RabbitSubscription subscription : this.subscriptions) {
				subscription.detach();
			}
			this.subscriptions.clear();
			replacePublisher(null);
			release();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void release() {
		CachingConnectionFactory owned = this.owned;
		if (owned != null) {
			owned.destroy();
		}
		else if (this.connection != null) {
			closeQuietly(this.connection);
		}
		this.connection = null;
		this.raw = null;
	}

	/**
	 * Give a connection that was not taken into use back to an application's factory (a
	 * no-op for its shared connection, a return to its cache in connection mode).
	 */
	private void giveBack(Connection connection) {
		if (this.owned == null && connection != this.connection) {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (AmqpException ex) {
			// already closed
		}
	}

}

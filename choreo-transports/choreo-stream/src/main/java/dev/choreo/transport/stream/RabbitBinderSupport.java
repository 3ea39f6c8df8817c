package dev.choreo.transport.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.rabbit.RabbitMessageChannelBinder;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitConsumerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The RabbitMQ binder. Its addresses come from the application's
 * {@link RabbitConnectionDetails} (or Boot's {@code spring.rabbitmq.*} in a binder
 * environment of its own); the broker check opens the binder's connection. Each
 * subscription has a queue of its own bound to the destination exchange, which the binder
 * declares and binds; it counts as consuming once the broker counts a consumer on it.
 * Reply addresses travel as {@code reply_to}; the binder's connection factory reports
 * connection loss and recovery. After a loss the transport asks the factory for a
 * connection every half second, since nothing else may (a binder with no consumer binding
 * left has nothing recovering), and counts the broker as back once the factory has a new
 * one.
 */
final class RabbitBinderSupport implements BinderSupport {

	private static final Duration POLL = Duration.ofMillis(10);

	private static final Duration RECONNECT_INTERVAL = Duration.ofMillis(500);

	private final ApplicationContext context;

	private final BinderSelection selection;

	private volatile @Nullable Registration registration;

	RabbitBinderSupport(ApplicationContext context, BinderSelection selection) {
		this.context = context;
		this.selection = selection;
	}

	@Override
	public List<Endpoint> endpoints() {
		RabbitConnectionDetails details = this.selection.ownEnvironment() ? null
				: this.context.getBeanProvider(RabbitConnectionDetails.class).getIfAvailable();
		if (details != null) {
			return details.getAddresses()
				.stream()
				.map((address) -> new Endpoint(EndpointCategory.AMQP, address.host() + ":" + address.port()))
				.toList();
		}
		RabbitProperties properties = org.springframework.boot.context.properties.bind.Binder
			.get(this.selection.environment())
			.bindOrCreate("spring.rabbitmq", RabbitProperties.class);
		return properties.determineAddresses()
			.stream()
			.map((address) -> new Endpoint(EndpointCategory.AMQP, address))
			.toList();
	}

	@Override
	public boolean replyTo() {
		return true;
	}

	@Override
	public void probe(Binder<?, ?, ?> binder, Duration timeout) {
		ConnectionFactory connectionFactory = connectionFactory(binder);
		try {
			Connection connection = connectionFactory.createConnection();
			connection.close();
		}
		catch (AmqpException ex) {
			throw new TransportException("The RabbitMQ binder's broker at " + endpoints() + " did not answer: "
					+ StreamTransport.describe((ex.getCause() != null) ? ex.getCause() : ex));
		}
	}

	/**
	 * Subscribe with a queue of the subscription's own: in the transport's group if it
	 * has one, else in a unique group whose queue is neither durable nor kept once its
	 * consumer goes (the binder's anonymous queues ask for a queue leader locator that
	 * RabbitMQ before 3.12 refuses for classic queues). The subscription consumes once
	 * the broker counts a consumer on the queue.
	 */
	@Override
	public ConsumerSetup consumerSetup(Binder<?, ?, ?> binder, String destination, String bindingName,
			@Nullable String group) {
		RabbitConsumerProperties rabbit = new RabbitConsumerProperties();
		rabbit.setContainerType(RabbitConsumerProperties.ContainerType.SIMPLE);
		String queueGroup = group;
		if (queueGroup == null) {
			queueGroup = "choreo-" + UUID.randomUUID();
			rabbit.setDurableSubscription(false);
		}
		String queue = destination + "." + queueGroup;
		ConnectionFactory connectionFactory = connectionFactory(binder);
		return new ConsumerSetup(BinderSupport.base(new ExtendedConsumerProperties<>(rabbit), bindingName), queueGroup,
				(timeout) -> awaitConsumer(connectionFactory, queue, timeout), () -> {
				});
	}

	private static void awaitConsumer(ConnectionFactory connectionFactory, String queue, Duration timeout)
			throws TimeoutException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (consumers(connectionFactory, queue) < 1) {
			if (System.nanoTime() - deadline > 0) {
				throw new TimeoutException("no consumer on queue '" + queue + "'");
			}
			LockSupport.parkNanos(POLL.toNanos());
		}
	}

	private static int consumers(ConnectionFactory connectionFactory, String queue) {
		try (Connection connection = connectionFactory.createConnection();
				Channel channel = connection.createChannel(false)) {
			return channel.queueDeclarePassive(queue).getConsumerCount();
		}
		catch (IOException | TimeoutException | AmqpException ex) {
			return 0;
		}
	}

	@Override
	public void outbound(TransportMessage message, MessageBuilder<byte[]> builder) {
		if (message.replyTo() != null) {
			builder.setHeader(AmqpHeaders.REPLY_TO, message.replyTo());
		}
	}

	@Override
	public @Nullable String replyTo(MessageHeaders headers) {
		return StreamMessages.text(headers.get(AmqpHeaders.REPLY_TO));
	}

	@Override
	public void listen(Binder<?, ?, ?> binder, TransportListener listener) {
		ConnectionFactory connectionFactory = connectionFactory(binder);
		Registration registration = new Registration(connectionFactory, new Listener(listener, connectionFactory,
				endpoints().stream().map(Endpoint::value).toList().toString()));
		connectionFactory.addConnectionListener(registration.listener());
		this.registration = registration;
	}

	@Override
	public void stopListening() {
		Registration registration = this.registration;
		this.registration = null;
		if (registration != null) {
			registration.connectionFactory().removeConnectionListener(registration.listener());
			registration.listener().stop();
		}
	}

	@Override
	public boolean isUp() {
		Registration registration = this.registration;
		return registration == null || !registration.listener().isLost();
	}

	private static ConnectionFactory connectionFactory(Binder<?, ?, ?> binder) {
		if (!(binder instanceof RabbitMessageChannelBinder rabbit)) {
			throw new TransportException("Expected the RabbitMQ binder but found " + binder.getClass().getName());
		}
		return rabbit.getConnectionFactory();
	}

	private record Registration(ConnectionFactory connectionFactory, Listener listener) {

	}

	/**
	 * Tells the transport listener when the binder's connection goes and comes back, and
	 * while it is gone asks the factory for a new one.
	 */
	private static final class Listener implements ConnectionListener {

		private final TransportListener listener;

		private final ConnectionFactory connectionFactory;

		private final String where;

		private boolean lost;

		private boolean stopped;

		private @Nullable ScheduledExecutorService reconnector;

		Listener(TransportListener listener, ConnectionFactory connectionFactory, String where) {
			this.listener = listener;
			this.connectionFactory = connectionFactory;
			this.where = where;
		}

		synchronized boolean isLost() {
			return this.lost;
		}

		@Override
		public void onCreate(@Nullable Connection connection) {
			synchronized (this) {
				if (!this.lost) {
					return;
				}
				this.lost = false;
				stopReconnecting();
			}
			this.listener.connectionRestored();
		}

		@Override
		public void onShutDown(ShutdownSignalException signal) {
			if (signal.isInitiatedByApplication()) {
				return;
			}
			synchronized (this) {
				if (this.lost || this.stopped) {
					return;
				}
				this.lost = true;
				startReconnecting();
			}
			this.listener.connectionLost("the RabbitMQ binder's connection closed: " + StreamTransport.describe(signal),
					null);
		}

		private void startReconnecting() {
			ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "choreo-stream-rabbit-reconnect");
				thread.setDaemon(true);
				return thread;
			});
			reconnector.scheduleWithFixedDelay(this::reconnect, RECONNECT_INTERVAL.toMillis(),
					RECONNECT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			this.reconnector = reconnector;
		}

		private void reconnect() {
			if (!isLost()) {
				return;
			}
			try {
				this.connectionFactory.createConnection().close();
			}
			catch (AmqpException ex) {
				Throwable cause = ex;
				while (cause.getCause() != null && cause.getCause() != cause) {
					cause = cause.getCause();
				}
				this.listener.reconnectFailed("could not reconnect to the RabbitMQ binder's broker at " + this.where
						+ ": " + StreamTransport.describe(cause), null);
			}
		}

		private void stopReconnecting() {
			ScheduledExecutorService reconnector = this.reconnector;
			this.reconnector = null;
			if (reconnector != null) {
				reconnector.shutdown();
			}
		}

		void stop() {
			ScheduledExecutorService reconnector;
			synchronized (this) {
				this.stopped = true;
				reconnector = this.reconnector;
				this.reconnector = null;
			}
			if (reconnector != null) {
				reconnector.shutdownNow();
				try {
					reconnector.awaitTermination(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}

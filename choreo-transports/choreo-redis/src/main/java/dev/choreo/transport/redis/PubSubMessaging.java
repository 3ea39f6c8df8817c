package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;

/**
 * Pub/sub over a {@link RedisMessageListenerContainer}: one Redis connection carries
 * every subscription, each subscription is its own listener, and messages reach the
 * handlers in order on one dispatch thread.
 * <p>
 * The container sends {@code SUBSCRIBE} (or {@code PSUBSCRIBE}) for a new listener even
 * when the channel is already subscribed, and Redis answers each with a confirmation that
 * the container hands to every {@link SubscriptionListener} on that channel; a
 * subscription completes when its own listener hears it. The container sends
 * {@code UNSUBSCRIBE} when the last listener of a channel goes, and closes its connection
 * when no listener is left.
 */
final class PubSubMessaging implements RedisMessaging {

	private static final Logger logger = LoggerFactory.getLogger(RedisTransport.class);

	private final RedisMessageListenerContainer container;

	private final ExecutorService dispatch;

	private final String dispatchThreadPrefix;

	private final SimpleAsyncTaskExecutor subscriber;

	private final ConnectionWatch watch;

	private final ReentrantLock lock = new ReentrantLock();

	PubSubMessaging(RedisConnectionFactory factory, String threadPrefix, Duration subscribeTimeout,
			ConnectionWatch watch) {
		this.watch = watch;
		this.dispatchThreadPrefix = threadPrefix + "pubsub-";
		this.dispatch = Executors.newSingleThreadExecutor(new DaemonThreads(this.dispatchThreadPrefix));
		this.subscriber = new SimpleAsyncTaskExecutor(threadPrefix + "subscriber-");
		this.subscriber.setDaemon(true);
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(factory);
		this.container.setTaskExecutor(this.dispatch);
		this.container.setSubscriptionExecutor(this.subscriber);
		this.container.setMaxSubscriptionRegistrationWaitingTime(subscribeTimeout.toMillis());
		this.container.setRecoveryInterval(500);
		this.container
			.setErrorHandler((error) -> logger.warn("A Redis message handler failed ({})", error.getClass().getName()));
		this.container.afterPropertiesSet();
		this.container.start();
	}

	/**
	 * Return whether a topic is a pattern: it contains {@code *}, {@code ?} or {@code [}.
	 */
	static boolean isPattern(String topic) {
		return topic.indexOf('*') >= 0 || topic.indexOf('?') >= 0 || topic.indexOf('[') >= 0;
	}

	@Override
	public CompletableFuture<Subscription> subscribe(String topic, InboundHandler handler) {
		Topic redisTopic = isPattern(topic) ? new PatternTopic(topic) : new ChannelTopic(topic);
		PubSubSubscription subscription = new PubSubSubscription(topic, redisTopic, handler);
		this.lock.lock();
		try {
			this.container.addMessageListener(subscription, redisTopic);
		}
		catch (RuntimeException ex) {
			remove(subscription);
			this.watch.commandFailed();
			return CompletableFuture.failedFuture(new TransportException(
					"Redis did not confirm the subscription to '" + topic + "': " + Failures.describe(ex)));
		}
		finally {
			this.lock.unlock();
		}
		this.watch.commandSucceeded();
		return subscription.confirmed;
	}

	private void remove(PubSubSubscription subscription) {
		this.lock.lock();
		try {
			this.container.removeMessageListener(subscription, subscription.redisTopic);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not unsubscribe from '{}' ({})", subscription.topic, ex.getClass().getName());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void publish(RedisConnection connection, TransportMessage message) {
		connection.publish(StreamCodec.utf8(message.topic()), message.payload());
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.container.destroy();
		}
		catch (Exception ex) {
			logger.debug("Could not stop the Redis listener container ({})", ex.getClass().getName());
		}
		finally {
			this.lock.unlock();
		}
		this.dispatch.shutdownNow();
		if (!Thread.currentThread().getName().startsWith(this.dispatchThreadPrefix)) {
			try {
				this.dispatch.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.subscriber.close();
	}

	/**
	 * One subscription: a listener of its own in the container.
	 */
	private final class PubSubSubscription implements MessageListener, SubscriptionListener, Subscription {

		private final String topic;

		private final Topic redisTopic;

		private final InboundHandler handler;

		private final CompletableFuture<Subscription> confirmed = new CompletableFuture<>();

		private final AtomicBoolean active = new AtomicBoolean(true);

		PubSubSubscription(String topic, Topic redisTopic, InboundHandler handler) {
			this.topic = topic;
			this.redisTopic = redisTopic;
			this.handler = handler;
		}

		@Override
		public void onMessage(Message message, byte @Nullable [] pattern) {
			if (!this.active.get()) {
				return;
			}
			try {
				this.handler.onMessage(new TransportMessage(StreamCodec.text(message.getChannel()), message.getBody(),
						Map.of(), null, null));
			}
			catch (RuntimeException | Error ex) {
				logger.warn("A handler for '{}' failed ({})", this.topic, ex.getClass().getName());
			}
		}

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			this.confirmed.complete(this);
		}

		@Override
		public void onPatternSubscribed(byte[] pattern, long count) {
			this.confirmed.complete(this);
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void unsubscribe() {
			if (this.active.compareAndSet(true, false)) {
				remove(this);
			}
		}

		@Override
		public String toString() {
			return "RedisSubscription[" + this.topic + "]";
		}

	}

}

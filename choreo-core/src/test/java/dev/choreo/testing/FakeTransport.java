package dev.choreo.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

/**
 * A scriptable transport double: delivers like the in-memory transport, counts every
 * call, and can be told to fail, to lose its connection, to fan each publish out to
 * several threads released at once, to block publishes to a topic, or to say that it
 * delivers on threads of its own (so the harness runs matchers and replies in its lanes,
 * as for a network transport).
 */
public final class FakeTransport implements Transport {

	/** What a transport that carries everything can carry. */
	public static final TransportCapabilities EVERYTHING = new TransportCapabilities(true, true, false, true, true,
			true);

	/** What a transport that carries only topic and bytes can carry. */
	public static final TransportCapabilities NO_HEADERS = new TransportCapabilities(false, false, false, false, true,
			true);

	/** How many times {@link #connect(TransportListener)} ran. */
	public final AtomicInteger connects = new AtomicInteger();

	/** How many times {@link #close()} ran. */
	public final AtomicInteger closes = new AtomicInteger();

	/** How many times {@link #subscribe(String, InboundHandler)} ran. */
	public final AtomicInteger subscribes = new AtomicInteger();

	/** How many subscriptions were cancelled. */
	public final AtomicInteger unsubscribes = new AtomicInteger();

	private final String name;

	private final TransportCapabilities capabilities;

	private final Map<String, List<Registration>> subscribers = new ConcurrentHashMap<>();

	private final List<TransportMessage> sent = new CopyOnWriteArrayList<>();

	private volatile TransportListener listener = TransportListener.NONE;

	private volatile boolean connected;

	private volatile @Nullable RuntimeException closeFailure;

	private volatile @Nullable RuntimeException connectFailure;

	private volatile @Nullable RuntimeException unsubscribeFailure;

	private volatile @Nullable Throwable publishError;

	private volatile int fanOut = 1;

	private volatile Runnable beforeSubscribed = () -> {
	};

	private volatile @Nullable Throwable subscribeError;

	private volatile boolean confirmSubscriptions = true;

	private volatile Runnable beforeConnectFails = () -> {
	};

	private volatile boolean synchronous = true;

	private volatile boolean confirmPublishes = true;

	private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();

	private FakeTransport(String name, TransportCapabilities capabilities) {
		this.name = name;
		this.capabilities = capabilities;
	}

	/**
	 * Create a transport that carries everything.
	 * @param name its name
	 * @return the transport
	 */
	public static FakeTransport named(String name) {
		return new FakeTransport(name, EVERYTHING);
	}

	/**
	 * Create a transport with given capabilities.
	 * @param name its name
	 * @param capabilities what it carries
	 * @return the transport
	 */
	public static FakeTransport named(String name, TransportCapabilities capabilities) {
		return new FakeTransport(name, capabilities);
	}

	/**
	 * Make {@link #close()} throw after marking the transport closed.
	 * @param failure what to throw
	 * @return this transport
	 */
	public FakeTransport failingClose(RuntimeException failure) {
		this.closeFailure = failure;
		return this;
	}

	/**
	 * Make {@link #connect(TransportListener)} throw.
	 * @param failure what to throw, or {@code null} to connect again
	 * @return this transport
	 */
	public FakeTransport failingConnect(@Nullable RuntimeException failure) {
		this.connectFailure = failure;
		return this;
	}

	/**
	 * Make every {@link Subscription#unsubscribe()} throw.
	 * @param failure what to throw
	 * @return this transport
	 */
	public FakeTransport failingUnsubscribe(RuntimeException failure) {
		this.unsubscribeFailure = failure;
		return this;
	}

	/**
	 * Report every publish as failed through {@link PublishCallback#onError(Throwable)},
	 * delivering nothing.
	 * @param error the error reported
	 * @return this transport
	 */
	public FakeTransport failingPublish(Throwable error) {
		this.publishError = error;
		return this;
	}

	/**
	 * Deliver each publish from {@code threads} threads at once, released together.
	 * @param threads how many threads deliver each message
	 * @return this transport
	 */
	public FakeTransport fanOut(int threads) {
		this.fanOut = threads;
		return this;
	}

	/**
	 * Run something before each subscription is confirmed, on the subscribing thread.
	 * @param action what to run
	 * @return this transport
	 */
	public FakeTransport beforeSubscribed(Runnable action) {
		this.beforeSubscribed = action;
		return this;
	}

	/**
	 * Complete every later subscription exceptionally.
	 * @param error the error
	 * @return this transport
	 */
	public FakeTransport failingSubscribe(@Nullable Throwable error) {
		this.subscribeError = error;
		return this;
	}

	/**
	 * Never confirm later subscriptions.
	 * @return this transport
	 */
	public FakeTransport unconfirmedSubscriptions() {
		this.confirmSubscriptions = false;
		return this;
	}

	/**
	 * Say that deliveries come on the transport's own threads, as a network transport's
	 * do: the harness then runs matchers and replies in its lanes, off the delivering
	 * thread. Set it before building the harness.
	 * @return this transport
	 */
	public FakeTransport asynchronous() {
		this.synchronous = false;
		return this;
	}

	/**
	 * Never tell a publish callback anything, as a broker that never acknowledges.
	 * @return this transport
	 */
	public FakeTransport unconfirmedPublishes() {
		this.confirmPublishes = false;
		return this;
	}

	/**
	 * Make every publish to a topic block the publishing thread until a latch opens, as a
	 * client waiting for topic metadata does.
	 * @param topic the topic
	 * @param until the latch that lets publishes through
	 * @return this transport
	 */
	public FakeTransport blockingPublish(String topic, CountDownLatch until) {
		this.blocked.put(topic, until);
		return this;
	}

	/**
	 * Tell the harness the connection was lost.
	 * @param description what happened
	 */
	public void loseConnection(String description) {
		this.listener.connectionLost(description, null);
	}

	/**
	 * Tell the harness an attempt to reconnect failed.
	 * @param description what the attempt met
	 */
	public void failReconnect(String description) {
		this.listener.reconnectFailed(description, null);
	}

	/**
	 * Tell the harness the connection is back.
	 */
	public void restoreConnection() {
		this.listener.connectionRestored();
	}

	/**
	 * Deliver a message to the subscribers of its topic on the calling thread, as if the
	 * broker sent it.
	 * @param message the message
	 */
	public void deliver(TransportMessage message) {
		for (Registration registration : this.subscribers.getOrDefault(message.topic(), List.of())) {
			registration.handler.onMessage(message);
		}
	}

	/**
	 * Return every message published, in order.
	 * @return the messages
	 */
	public List<TransportMessage> sent() {
		return new ArrayList<>(this.sent);
	}

	/**
	 * Return how many subscriptions are live.
	 * @return the count
	 */
	public int subscriptionCount() {
		return this.subscribers.values().stream().mapToInt(List::size).sum();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Endpoint> endpoints() {
		return List.of();
	}

	/**
	 * Run an action with the listener of a connect that is about to fail.
	 * @param action the action
	 * @return this transport
	 */
	public FakeTransport beforeConnectFails(Runnable action) {
		this.beforeConnectFails = action;
		return this;
	}

	@Override
	public void connect(TransportListener listener) {
		this.connects.incrementAndGet();
		RuntimeException failure = this.connectFailure;
		if (failure != null) {
			this.listener = listener;
			this.beforeConnectFails.run();
			throw failure;
		}
		this.listener = listener;
		this.connected = true;
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		this.subscribes.incrementAndGet();
		this.beforeSubscribed.run();
		Throwable error = this.subscribeError;
		if (error != null) {
			return CompletableFuture.failedFuture(error);
		}
		if (!this.confirmSubscriptions) {
			return new CompletableFuture<>();
		}
		Registration registration = new Registration(topic, handler);
		this.subscribers.computeIfAbsent(topic, (key) -> new CopyOnWriteArrayList<>()).add(registration);
		return CompletableFuture.completedFuture(registration);
	}

	@Override
	public boolean synchronousDelivery() {
		return this.synchronous;
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		if (!this.connected) {
			throw new TransportException("The fake transport is not connected");
		}
		CountDownLatch gate = this.blocked.get(message.topic());
		if (gate != null) {
			try {
				if (!gate.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("a blocked publish was never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				callback.onError(new TransportException("interrupted while publishing"));
				return;
			}
		}
		this.sent.add(message);
		Throwable error = this.publishError;
		if (error != null) {
			callback.onError(error);
			return;
		}
		if (this.fanOut > 1) {
			deliverConcurrently(message, this.fanOut);
		}
		else {
			deliver(message);
		}
		if (this.confirmPublishes) {
			callback.onSent();
		}
	}

	private void deliverConcurrently(TransportMessage message, int threads) {
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(threads);
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(() -> {
				try {
					start.await();
					deliver(message);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "fan-out-" + i);
			thread.start();
		}
		start.countDown();
		try {
			if (!done.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("fan-out threads did not finish");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public TransportCapabilities capabilities() {
		return this.capabilities;
	}

	@Override
	public void close() {
		this.closes.incrementAndGet();
		this.connected = false;
		RuntimeException failure = this.closeFailure;
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "FakeTransport[" + this.name + "]";
	}

	private final class Registration implements Subscription {

		private final String topic;

		private final InboundHandler handler;

		Registration(String topic, InboundHandler handler) {
			this.topic = topic;
			this.handler = handler;
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void unsubscribe() {
			RuntimeException failure = FakeTransport.this.unsubscribeFailure;
			if (failure != null) {
				throw failure;
			}
			FakeTransport.this.unsubscribes.incrementAndGet();
			List<Registration> registrations = FakeTransport.this.subscribers.get(this.topic);
			if (registrations != null) {
				registrations.remove(this);
			}
		}

	}

}

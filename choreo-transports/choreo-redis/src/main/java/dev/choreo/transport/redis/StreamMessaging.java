package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;

/**
 * Streams: {@code publish} appends an entry with {@code XADD}; one reader thread per
 * transport blocks in {@code XREAD} on a dedicated connection over every stream that has
 * subscriptions, and hands each new entry to every subscription of its stream, in order.
 * <p>
 * A subscription starts at the stream's last entry as Redis reports it when
 * {@code subscribe} is called, so every entry added after {@code subscribe} returned is
 * delivered, however late the reader gets to it. When a subscription adds a stream the
 * reader is not reading yet, the reader is woken with {@code CLIENT UNBLOCK} so it reads
 * the new stream at once. The reader keeps the last id it saw of each stream, so after a
 * lost connection it resumes where it stopped. With no subscriptions it waits without
 * holding a blocked read on the server.
 */
final class StreamMessaging implements RedisMessaging, Runnable {

	private static final Logger logger = LoggerFactory.getLogger(RedisTransport.class);

	private static final long NOT_READING = -1;

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

	private final RedisConnectionFactory factory;

	private final StreamCodec codec;

	private final ConnectionWatch watch;

	private final Object monitor = new Object();

	private final Map<String, StreamState> streams = new LinkedHashMap<>();

	private final Thread thread;

	private long generation;

	private boolean running = true;

	private volatile long readingGeneration = NOT_READING;

	private volatile @Nullable StreamSource source;

	private volatile @Nullable Long clientId;

	private volatile boolean clientIdStale = true;

	StreamMessaging(RedisConnectionFactory factory, String threadPrefix, StreamCodec codec, ConnectionWatch watch) {
		this.factory = factory;
		this.codec = codec;
		this.watch = watch;
		watch.onRestored(this::forgetClientId);
		this.thread = new DaemonThreads(threadPrefix + "streams-").newThread(this);
		this.thread.start();
	}

	@Override
	public CompletableFuture<Subscription> subscribe(String topic, InboundHandler handler) {
		StreamId last;
		try (RedisConnection connection = this.factory.getConnection()) {
			last = lastId(connection, topic);
		}
		catch (RuntimeException ex) {
			this.watch.commandFailed();
			return CompletableFuture.failedFuture(new TransportException(
					"Could not subscribe to the Redis stream '" + topic + "': " + Failures.describe(ex)));
		}
		this.watch.commandSucceeded();
		StreamSubscription subscription = new StreamSubscription(topic, handler, last);
		long wakeFor;
		synchronized (this.monitor) {
			if (!this.running) {
				return CompletableFuture.failedFuture(
						new TransportException("The Redis transport closed while subscribing to '" + topic + "'"));
			}
			StreamState state = this.streams.get(topic);
			boolean added = (state == null);
			if (state == null) {
				state = new StreamState(last);
				this.streams.put(topic, state);
			}
			state.subscriptions.add(subscription);
			wakeFor = added ? ++this.generation : NOT_READING;
			this.monitor.notifyAll();
		}
		if (wakeFor != NOT_READING) {
			wake(wakeFor);
		}
		return CompletableFuture.completedFuture(subscription);
	}

	private static StreamId lastId(RedisConnection connection, String topic) {
		List<ByteRecord> latest = connection.streamCommands()
			.xRevRange(StreamCodec.utf8(topic), Range.unbounded(), Limit.limit().count(1));
		if (latest == null || latest.isEmpty()) {
			return StreamId.ZERO;
		}
		return StreamId.parse(latest.get(0).getId().getValue());
	}

	private void remove(StreamSubscription subscription) {
		long wakeFor = NOT_READING;
		synchronized (this.monitor) {
			StreamState state = this.streams.get(subscription.topic);
			if (state != null && state.subscriptions.remove(subscription) && state.subscriptions.isEmpty()) {
				this.streams.remove(subscription.topic);
				wakeFor = ++this.generation;
			}
		}
		if (wakeFor != NOT_READING) {
			wake(wakeFor);
		}
	}

	/**
	 * Make sure the reader reads with a snapshot of the streams at least as new as
	 * {@code generation}: if it is blocked in a read of an older one, unblock it. Retries
	 * while the read is on its way to the server, for at most one read's duration.
	 */
	private void wake(long generation) {
		StreamSource current = this.source;
		Duration patience = ((current != null) ? current.longestBlock() : StreamSource.LONGEST_BLOCK).plusSeconds(1);
		long deadline = System.nanoTime() + patience.toNanos();
		while (isRunning()) {
			long reading = this.readingGeneration;
			if (reading == NOT_READING || reading >= generation) {
				return;
			}
			current = this.source;
			Long id = this.clientId;
			if (current != null && !current.canUnblock()) {
				return;
			}
			if (current != null && id != null && current.unblock(id)) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				this.clientIdStale = true;
				return;
			}
			LockSupport.parkNanos(1_000_000L);
		}
	}

	private boolean isRunning() {
		synchronized (this.monitor) {
			return this.running;
		}
	}

	private void forgetClientId() {
		this.clientId = null;
		this.clientIdStale = true;
	}

	@Override
	public void run() {
		Duration pause = Duration.ZERO;
		Map<String, StreamState> states;
		while ((states = nextSnapshot()) != null) {
			try {
				StreamSource current = openSource();
				Map<String, StreamId> positions = new LinkedHashMap<>();
				states.forEach((stream, state) -> positions.put(stream, state.position));
				List<StreamSource.Entry> entries = current.read(positions, current.longestBlock());
				this.readingGeneration = NOT_READING;
				this.watch.commandSucceeded();
				deliver(entries, states);
				pause = Duration.ZERO;
			}
			catch (RuntimeException ex) {
				this.readingGeneration = NOT_READING;
				if (!isRunning()) {
					break;
				}
				logger.debug("Reading Redis streams failed ({}); retrying", ex.getClass().getName());
				this.watch.commandFailed();
				dropSource();
				pause = pause.isZero() ? Duration.ofMillis(50) : min(pause.multipliedBy(2), LONGEST_PAUSE);
				pause(pause);
			}
		}
		dropSource();
	}

	/**
	 * Wait until there is something to read, then take a snapshot of the streams and mark
	 * the read about to start with the generation of that snapshot.
	 */
	private @Nullable Map<String, StreamState> nextSnapshot() {
		synchronized (this.monitor) {
			while (this.running && this.streams.isEmpty()) {
				try {
					this.monitor.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return null;
				}
			}
			if (!this.running) {
				return null;
			}
			this.readingGeneration = this.generation;
			return new HashMap<>(this.streams);
		}
	}

	private StreamSource openSource() {
		StreamSource current = this.source;
		if (current == null) {
			current = StreamSource.open(this.factory);
			this.source = current;
			this.clientIdStale = true;
		}
		if (this.clientIdStale && current.canUnblock()) {
			this.clientIdStale = false;
			this.clientId = current.clientId();
		}
		return current;
	}

	private void dropSource() {
		StreamSource current = this.source;
		this.source = null;
		this.clientId = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close the Redis stream connection ({})", ex.getClass().getName());
			}
		}
	}

	private void deliver(List<StreamSource.Entry> entries, Map<String, StreamState> states) {
		for (StreamSource.Entry entry : entries) {
			StreamState state = states.get(entry.stream());
			if (state == null) {
				continue;
			}
			TransportMessage message = null;
			for (StreamSubscription subscription : state.subscriptions) {
				if (subscription.wants(entry.id())) {
					if (message == null) {
						message = this.codec.decode(entry.stream(), entry.fields());
					}
					subscription.deliver(message);
				}
			}
			state.position = entry.id();
		}
	}

	private void pause(Duration pause) {
		synchronized (this.monitor) {
			if (this.running) {
				try {
					this.monitor.wait(pause.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void publish(RedisConnection connection, TransportMessage message) {
		connection.streamCommands().xAdd(StreamCodec.utf8(message.topic()), this.codec.encode(message));
	}

	@Override
	public void close() {
		synchronized (this.monitor) {
			this.running = false;
			this.streams.clear();
			this.monitor.notifyAll();
		}
		StreamSource current = this.source;
		if (current != null) {
			current.abort();
		}
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(StreamSource.LONGEST_BLOCK.plusSeconds(3).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.thread.isAlive()) {
				logger.warn("The Redis stream reader {} did not stop within its read timeout", this.thread.getName());
			}
		}
	}

	/**
	 * The streams the reader reads: the last id it saw and the subscriptions.
	 */
	private static final class StreamState {

		private volatile StreamId position;

		private final List<StreamSubscription> subscriptions = new CopyOnWriteArrayList<>();

		StreamState(StreamId position) {
			this.position = position;
		}

	}

	/**
	 * One subscription: entries after the id it started at.
	 */
	private final class StreamSubscription implements Subscription {

		private final String topic;

		private final InboundHandler handler;

		private final StreamId after;

		private volatile boolean active = true;

		StreamSubscription(String topic, InboundHandler handler, StreamId after) {
			this.topic = topic;
			this.handler = handler;
			this.after = after;
		}

		boolean wants(StreamId id) {
			return this.active && id.isAfter(this.after);
		}

		/**
		 * Hand an entry to the handler. Whatever it throws, errors included, is logged:
		 * it would otherwise stop the reader, and every stream with it.
		 */
		void deliver(TransportMessage message) {
			try {
				this.handler.onMessage(message);
			}
			catch (RuntimeException | Error ex) {
				logger.warn("A handler for '{}' failed ({})", this.topic, ex.getClass().getName());
			}
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void unsubscribe() {
			if (this.active) {
				this.active = false;
				remove(this);
			}
		}

		@Override
		public String toString() {
			return "RedisStreamSubscription[" + this.topic + "]";
		}

	}

}

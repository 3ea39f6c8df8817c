package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisServerAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

/**
 * The dedicated connection a stream reader blocks on.
 */
interface StreamSource extends AutoCloseable {

	/** How many entries one read returns at most. */
	int BATCH = 100;

	/** The longest a read that can be unblocked waits. */
	Duration LONGEST_BLOCK = Duration.ofSeconds(2);

	/**
	 * Create the source for a connection factory: a dedicated Lettuce connection when the
	 * factory is Lettuce's (standalone or Sentinel), which can be woken up with
	 * {@code CLIENT UNBLOCK}; otherwise a connection of the factory, which cannot.
	 * @param factory the factory
	 * @return the source
	 */
	static StreamSource open(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce
				&& lettuce.getRequiredNativeClient() instanceof RedisClient client) {
			return new Lettuce(client, lettuce);
		}
		return new Generic(factory.getConnection());
	}

	/**
	 * Read the entries after the given positions, waiting up to {@code block} for one.
	 * @param positions the stream keys and the id to read after
	 * @param block how long to wait
	 * @return the entries, empty when none came
	 */
	List<Entry> read(Map<String, StreamId> positions, Duration block);

	/**
	 * Return how long a read may block before the source must return.
	 * @return the longest block
	 */
	Duration longestBlock();

	/**
	 * Return the Redis client id of the connection, so another connection can unblock a
	 * read, or {@code null} when this source cannot be unblocked.
	 * @return the client id, or {@code null}
	 */
	@Nullable Long clientId();

	/**
	 * Return whether another connection can unblock a read of this source.
	 * @return whether {@link #unblock(long)} can work
	 */
	default boolean canUnblock() {
		return true;
	}

	/**
	 * Unblock a read of this source from another connection of the factory.
	 * @param clientId the client id of this source's connection
	 * @return whether a blocked read was unblocked
	 */
	boolean unblock(long clientId);

	/**
	 * Close the connection from any thread, failing a read in progress where the client
	 * allows it; otherwise the read ends within {@link #longestBlock()}.
	 */
	void abort();

	/**
	 * Close the connection, from the thread that reads.
	 */
	@Override
	void close();

	/**
	 * One stream entry.
	 *
	 * @param stream the stream key
	 * @param id the entry id
	 * @param fields the entry's fields
	 */
	record Entry(String stream, StreamId id, Map<byte[], byte[]> fields) {

	}

	/**
	 * A dedicated Lettuce connection from the factory's client.
	 */
	final class Lettuce implements StreamSource {

		private final StatefulRedisConnection<byte[], byte[]> connection;

		private final LettuceConnectionFactory factory;

		private @Nullable CompletableFuture<Void> closed;

		Lettuce(RedisClient client, LettuceConnectionFactory factory) {
			this.connection = client.connect(ByteArrayCodec.INSTANCE);
			this.factory = factory;
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<Entry> read(Map<String, StreamId> positions, Duration block) {
			List<StreamMessage<byte[], byte[]>> messages = this.connection.sync()
				.xread(XReadArgs.Builder.block(block).count(BATCH), offsets(positions));
			List<Entry> entries = new ArrayList<>(messages.size());
			for (StreamMessage<byte[], byte[]> message : messages) {
				entries.add(new Entry(StreamCodec.text(message.getStream()), StreamId.parse(message.getId()),
						message.getBody()));
			}
			return entries;
		}

		@SuppressWarnings("rawtypes")
		private static io.lettuce.core.XReadArgs.StreamOffset[] offsets(Map<String, StreamId> positions) {
			return positions.entrySet()
				.stream()
				.map((position) -> io.lettuce.core.XReadArgs.StreamOffset.from(StreamCodec.utf8(position.getKey()),
						position.getValue().toString()))
				.toArray(io.lettuce.core.XReadArgs.StreamOffset[]::new);
		}

		@Override
		public Duration longestBlock() {
			Duration half = this.connection.getTimeout().dividedBy(2);
			return (half.compareTo(LONGEST_BLOCK) < 0) ? half : LONGEST_BLOCK;
		}

		@Override
		public Long clientId() {
			return this.connection.sync().clientId();
		}

		@Override
		public boolean unblock(long clientId) {
			try (RedisConnection other = this.factory.getConnection()) {
				RedisServerAsyncCommands<byte[], byte[]> commands = ((LettuceConnection) other).getNativeConnection();
				Long unblocked = commands.clientUnblock(clientId, UnblockType.TIMEOUT)
					.get(this.connection.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
				return unblocked != null && unblocked == 1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (Exception ex) {
				return false;
			}
		}

		@Override
		public void abort() {
			closing();
		}

		/**
		 * Close the connection and wait until Lettuce has released it, so that the
		 * client's shutdown does not find it still open.
		 */
		@Override
		public void close() {
			try {
				closing().get(this.connection.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				// the connection is closed or being closed either way
			}
		}

		private synchronized CompletableFuture<Void> closing() {
			CompletableFuture<Void> current = this.closed;
			if (current == null) {
				current = this.connection.closeAsync();
				this.closed = current;
			}
			return current;
		}

	}

	/**
	 * A connection of any other factory; its reads cannot be unblocked, so they block
	 * briefly.
	 */
	final class Generic implements StreamSource {

		private final RedisConnection connection;

		Generic(RedisConnection connection) {
			this.connection = connection;
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<Entry> read(Map<String, StreamId> positions, Duration block) {
			StreamOffset<byte[]>[] offsets = positions.entrySet()
				.stream()
				.map((position) -> StreamOffset.create(StreamCodec.utf8(position.getKey()),
						org.springframework.data.redis.connection.stream.ReadOffset
							.from(position.getValue().toString())))
				.toArray(StreamOffset[]::new);
			List<ByteRecord> records = this.connection.streamCommands()
				.xRead(StreamReadOptions.empty().block(block).count(BATCH), offsets);
			List<Entry> entries = new ArrayList<>();
			if (records != null) {
				for (ByteRecord record : records) {
					entries.add(new Entry(StreamCodec.text(record.getRequiredStream()),
							StreamId.parse(record.getId().getValue()), record.getValue()));
				}
			}
			return entries;
		}

		@Override
		public Duration longestBlock() {
			return Duration.ofMillis(200);
		}

		@Override
		public @Nullable Long clientId() {
			return null;
		}

		@Override
		public boolean canUnblock() {
			return false;
		}

		@Override
		public boolean unblock(long clientId) {
			return false;
		}

		@Override
		public void abort() {
			// a blocking read of a generic connection ends within longestBlock()
		}

		@Override
		public void close() {
			this.connection.close();
		}

	}

}

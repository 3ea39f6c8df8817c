package dev.choreo.benchmarks;

import java.util.UUID;

import dev.choreo.transport.Transport;
import dev.choreo.transport.redis.RedisTransport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Redis on 127.0.0.1:6379: Lettuce pub/sub against the Redis transport in pub/sub mode.
 */
final class RedisFixture implements TransportBenchmark.BrokerFixture {

	private static final String URL = "redis://127.0.0.1:6379";

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public String topic(String base) {
		return "choreo:bench:" + base + ":" + UUID.randomUUID();
	}

	@Override
	public TransportBenchmark.RawClient raw(String topic) {
		RedisClient client = RedisClient.create(URL);
		StatefulRedisPubSubConnection<byte[], byte[]> subscriber = client.connectPubSub(ByteArrayCodec.INSTANCE);
		StatefulRedisConnection<byte[], byte[]> publisher = client.connect(ByteArrayCodec.INSTANCE);
		byte[] channel = topic.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		TransportBenchmark.RawClient raw = new TransportBenchmark.RawClient() {

			@Override
			void publish(byte[] payload) {
				publisher.async().publish(channel, payload);
			}

			@Override
			public void close() {
				subscriber.close();
				publisher.close();
				client.shutdown();
			}

		};
		subscriber.addListener(new RedisPubSubAdapter<>() {

			@Override
			public void message(byte[] messageChannel, byte[] message) {
				raw.deliver(message);
			}

		});
		subscriber.sync().subscribe(channel);
		return raw;
	}

	@Override
	public Transport transport() {
		return RedisTransport.builder(URL).build();
	}

}

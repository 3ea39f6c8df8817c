package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.UUID;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.TransportContractTests;

/**
 * The transport contract in pub/sub mode on the Redis server of the test machine.
 */
class RedisPubSubTransportContractTests extends TransportContractTests {

	static final String URL = "redis://127.0.0.1:6379";

	@Override
	protected void requireBroker() {
		Brokers.require("Redis", "127.0.0.1", 6379);
	}

	@Override
	protected Transport createTransport() {
		return RedisTransport.builder(URL).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		return RedisTransport.builder("redis://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build();
	}

	/**
	 * Counts the clients subscribed to the channel, as {@code PUBSUB NUMSUB} reports
	 * them.
	 */
	@Override
	protected int brokerResources(String topic) {
		return RedisProbe.local().subscribers(topic);
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

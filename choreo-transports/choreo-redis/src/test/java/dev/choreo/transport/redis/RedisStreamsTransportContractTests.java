package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.TransportContractTests;
import dev.choreo.transport.tck.Waits;
import org.junit.jupiter.api.AfterAll;

/**
 * The transport contract in streams mode on the Redis server of the test machine.
 */
class RedisStreamsTransportContractTests extends TransportContractTests {

	static final String URL = "redis://127.0.0.1:6379";

	/**
	 * The client name of this class's transports, so that their readers can be told
	 * apart.
	 */
	static final String CLIENT_NAME = "choreo-tck-streams";

	@AfterAll
	static void deleteStreams() {
		if (Brokers.isListening("127.0.0.1", 6379)) {
			RedisProbe.local().deleteKeys("choreo:tck:*");
		}
	}

	@Override
	protected void requireBroker() {
		Brokers.require("Redis", "127.0.0.1", 6379);
	}

	@Override
	protected Transport createTransport() {
		return RedisTransport.builder(URL).mode(RedisMode.STREAMS).clientName(CLIENT_NAME).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		return RedisTransport.builder("redis://127.0.0.1:" + port)
			.mode(RedisMode.STREAMS)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
	}

	/**
	 * Counts the blocked stream readers of this class's transports. Redis does not show
	 * which keys a blocked client waits on, so this counts the clients named
	 * {@value #CLIENT_NAME} that {@code CLIENT LIST} shows blocked in {@code XREAD}: a
	 * transport holds one such read while it has stream subscriptions and none once they
	 * are gone or it is closed. A reader is between two reads only for an instant, so the
	 * list is sampled for up to a second until a blocked reader shows.
	 */
	@Override
	protected int brokerResources(String topic) {
		RedisProbe probe = RedisProbe.local();
		AtomicInteger readers = new AtomicInteger();
		Waits.until(Duration.ofSeconds(1), () -> {
			readers.set(probe.blockedStreamReaders(CLIENT_NAME));
			return readers.get() > 0;
		});
		return readers.get();
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.BrokerFaultContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fault contract in pub/sub mode on a redis-server the test starts, stops and starts
 * again.
 */
class RedisBrokerFaultContractTests extends BrokerFaultContractTests {

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-fault", Brokers.freePort());
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Override
	protected BrokerProcess broker() {
		return server;
	}

	@Override
	protected Transport transport() {
		// a generous connect timeout: the first connect of the run starts Lettuce cold
		return RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Override
	protected String lastErrorWhileDown() {
		return Pattern.quote("could not reconnect to Redis at 'redis://127.0.0.1:" + server.port()
				+ "': ConnectException: Connection refused");
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:fault:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

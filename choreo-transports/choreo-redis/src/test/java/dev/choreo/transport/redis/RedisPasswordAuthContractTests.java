package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.UUID;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.AuthContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authentication contract on a redis-server the test starts with {@code requirepass},
 * in streams mode so that both modes authenticate.
 */
class RedisPasswordAuthContractTests extends AuthContractTests {

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-password", Brokers.freePort(), "--requirepass", "t0p-s3cret");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Override
	protected Transport transportWith(AuthResolver<?> auth) {
		return RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.mode(RedisMode.STREAMS)
			.connectTimeout(Duration.ofSeconds(3))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth validCredentials() {
		return RedisAuth.password("t0p-s3cret");
	}

	@Override
	protected TransportAuth wrongCredentials() {
		return RedisAuth.password("not-the-s3cret");
	}

	@Override
	protected String wrongSecret() {
		return "not-the-s3cret";
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:auth:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

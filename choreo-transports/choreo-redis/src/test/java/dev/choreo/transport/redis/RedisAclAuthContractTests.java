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
 * The authentication contract on a redis-server the test starts with an ACL user and the
 * default user switched off.
 */
class RedisAclAuthContractTests extends AuthContractTests {

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-acl", Brokers.freePort(), "--user", "choreo", "on", ">s3cret-pass", "~*",
				"&*", "+@all", "--user", "default", "off");
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
			.connectTimeout(Duration.ofSeconds(3))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth validCredentials() {
		return RedisAuth.acl("choreo", "s3cret-pass");
	}

	@Override
	protected TransportAuth wrongCredentials() {
		return RedisAuth.acl("choreo", "wrong-Pa55word");
	}

	@Override
	protected String wrongSecret() {
		return "wrong-Pa55word";
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:auth:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

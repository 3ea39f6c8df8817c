package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.UUID;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.CredentialRotationContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credential rotation on a redis-server the test starts with an ACL user, whose password
 * an administrator changes with {@code ACL SETUSER} before closing the user's connections
 * with {@code CLIENT KILL USER}.
 */
class RedisAclRotationContractTests extends CredentialRotationContractTests {

	private static BrokerProcess server;

	private static RedisProbe admin;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-acl-rotation", Brokers.freePort(), "--user", "choreo", "on", ">initial-Pa55",
				"~*", "&*", "+@all", "--user", "admin", "on", ">adm1n-Pa55", "~*", "&*", "+@all", "--user", "default",
				"off");
		admin = RedisProbe.on(server.port(), "AUTH", "admin", "adm1n-Pa55");
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
			.connectTimeout(Duration.ofSeconds(10))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth credentials(String secret) {
		return RedisAuth.acl("choreo", secret);
	}

	@Override
	protected String initialSecret() {
		return "initial-Pa55";
	}

	@Override
	protected void rotateTo(String secret) {
		assertThat(admin.command("ACL", "SETUSER", "choreo", "resetpass", ">" + secret)).isEqualTo("OK");
		assertThat(admin.number("CLIENT", "KILL", "USER", "choreo")).isPositive();
	}

	@Override
	protected String topic(String base) {
		return "choreo:tck:rotation:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}

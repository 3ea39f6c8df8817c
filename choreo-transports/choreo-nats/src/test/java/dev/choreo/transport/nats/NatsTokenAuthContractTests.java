package dev.choreo.transport.nats;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.AuthContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authentication contract on a nats-server the test starts with a token.
 */
class NatsTokenAuthContractTests extends AuthContractTests {

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		int port = Brokers.freePort();
		server = BrokerProcess.start("nats-token", "nats-server", port, "-a", "127.0.0.1", "-p", String.valueOf(port),
				"--auth", "t0ken-for-tests");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Override
	protected Transport transportWith(AuthResolver<?> auth) {
		return NatsTransport.builder("nats://127.0.0.1:" + server.port())
			.connectTimeout(Duration.ofSeconds(3))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth validCredentials() {
		return NatsAuth.token("t0ken-for-tests");
	}

	@Override
	protected TransportAuth wrongCredentials() {
		return NatsAuth.token("not-the-t0ken");
	}

	@Override
	protected String wrongSecret() {
		return "not-the-t0ken";
	}

}

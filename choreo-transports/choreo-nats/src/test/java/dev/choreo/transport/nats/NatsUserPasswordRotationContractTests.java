package dev.choreo.transport.nats;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.CredentialRotationContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Credential rotation on a nats-server the test starts with a user and a password, and
 * restarts on the same port with a new password to rotate it.
 */
class NatsUserPasswordRotationContractTests extends CredentialRotationContractTests {

	private int port;

	private BrokerProcess server;

	@BeforeEach
	void startServer() {
		this.port = Brokers.freePort();
		this.server = start(initialSecret());
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private BrokerProcess start(String password) {
		return BrokerProcess.start("nats-rotation", "nats-server", this.port, "-a", "127.0.0.1", "-p",
				String.valueOf(this.port), "--user", "choreo", "--pass", password);
	}

	@Override
	protected Transport transportWith(AuthResolver<?> auth) {
		return NatsTransport.builder("nats://127.0.0.1:" + this.port)
			.connectTimeout(Duration.ofSeconds(3))
			.auth(auth)
			.build();
	}

	@Override
	protected TransportAuth credentials(String secret) {
		return NatsAuth.userPassword("choreo", secret);
	}

	@Override
	protected String initialSecret() {
		return "initial-Pa55:w0rd+%";
	}

	@Override
	protected void rotateTo(String secret) {
		this.server.stop();
		this.server = start(secret);
	}

}

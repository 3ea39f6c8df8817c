package dev.choreo.transport.nats;

import java.util.regex.Pattern;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.BrokerFaultContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fault contract on a nats-server the test starts, stops and starts again.
 */
class NatsBrokerFaultContractTests extends BrokerFaultContractTests {

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		int port = Brokers.freePort();
		server = BrokerProcess.start("nats-fault", "nats-server", port, "-a", "127.0.0.1", "-p", String.valueOf(port));
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
		return NatsTransport.builder("nats://127.0.0.1:" + server.port()).build();
	}

	@Override
	protected String lastErrorWhileDown() {
		return Pattern.quote("could not reconnect to NATS at [nats://127.0.0.1:" + server.port()
				+ "]: ConnectException: Connection refused");
	}

}

package dev.choreo.transport.nats;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.TransportContractTests;
import io.nats.client.Connection;
import io.nats.client.Nats;

/**
 * The transport contract on the NATS server of the test machine.
 */
class NatsTransportContractTests extends TransportContractTests {

	static final String URL = "nats://127.0.0.1:4222";

	@Override
	protected void requireBroker() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Override
	protected Transport createTransport() {
		return NatsTransport.builder(URL).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		return NatsTransport.builder("nats://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build();
	}

	/**
	 * Counts subscribers of a subject with a request: without subscribers the server
	 * answers "no responders" at once (the request is cancelled without a message); with
	 * a silent subscriber the request times out (cancelled with a message).
	 */
	@Override
	protected int brokerResources(String topic) {
		try (Connection probe = Nats.connect(URL)) {
			probe.requestWithTimeout(topic, new byte[0], Duration.ofMillis(300)).get(10, TimeUnit.SECONDS);
			return 1;
		}
		catch (CancellationException ex) {
			return (ex.getMessage() == null) ? 0 : 1;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

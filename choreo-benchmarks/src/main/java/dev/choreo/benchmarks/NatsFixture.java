package dev.choreo.benchmarks;

import java.time.Duration;
import java.util.UUID;

import dev.choreo.transport.Transport;
import dev.choreo.transport.nats.NatsTransport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;

/**
 * NATS on 127.0.0.1:4222: jnats against the NATS transport.
 */
final class NatsFixture implements TransportBenchmark.BrokerFixture {

	private static final String URL = "nats://127.0.0.1:4222";

	@Override
	public String name() {
		return "nats";
	}

	@Override
	public String topic(String base) {
		return "choreo.bench." + base + "." + UUID.randomUUID();
	}

	@Override
	public TransportBenchmark.RawClient raw(String topic) throws Exception {
		Connection connection = Nats.connect(URL);
		TransportBenchmark.RawClient client = new TransportBenchmark.RawClient() {

			@Override
			void publish(byte[] payload) {
				connection.publish(topic, payload);
			}

			@Override
			public void close() throws Exception {
				connection.close();
			}

		};
		Dispatcher dispatcher = connection.createDispatcher((message) -> client.deliver(message.getData()));
		dispatcher.subscribe(topic);
		connection.flush(Duration.ofSeconds(5));
		return client;
	}

	@Override
	public Transport transport() {
		return NatsTransport.builder(URL).build();
	}

}

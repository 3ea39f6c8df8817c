package dev.choreo.transport.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.TransportContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The transport contract on the RabbitMQ binder, with the broker of the test machine.
 */
class StreamRabbitBinderContractTests extends TransportContractTests {

	private static ConfigurableApplicationContext application;

	private static final List<ConfigurableApplicationContext> unreachable = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startTheApplication() {
		if (!Brokers.isListening("127.0.0.1", RabbitBroker.PORT)) {
			return;
		}
		application = StreamApplications.rabbit(RabbitBroker.PORT, StreamApplications.Minimal.class);
		WarmUp.roundTrip(StreamTransport.builder(application).build());
	}

	@AfterAll
	static void closeTheApplications() {
		unreachable.forEach(ConfigurableApplicationContext::close);
		if (application != null) {
			application.close();
		}
	}

	@Override
	protected void requireBroker() {
		RabbitBroker.require();
	}

	@Override
	protected Transport createTransport() {
		return StreamTransport.builder(application).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		ConfigurableApplicationContext context = StreamApplications.rabbit(port, StreamApplications.Minimal.class);
		unreachable.add(context);
		return StreamTransport.builder(context).connectTimeout(java.time.Duration.ofSeconds(3)).build();
	}

	@Override
	protected int brokerResources(String topic) {
		return RabbitBroker.queuesBoundTo(topic);
	}

}

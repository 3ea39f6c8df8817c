package dev.choreo.transport.stream;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.BrokerFaultContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.RabbitNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fault contract on the RabbitMQ binder, over a RabbitMQ node of the test's own that
 * it stops and starts again. The Kafka binder says nothing about its connection, so the
 * contract does not apply to it.
 */
class StreamRabbitBinderFaultContractTests extends BrokerFaultContractTests {

	private static RabbitNode node;

	private static ConfigurableApplicationContext application;

	@BeforeAll
	static void startTheNodeAndTheApplication() {
		RabbitBroker.require();
		node = RabbitNode.start("stream-fault");
		application = StreamApplications.rabbit(node.port(), StreamApplications.Minimal.class);
	}

	@AfterAll
	static void stopTheApplicationAndTheNode() {
		if (application != null) {
			application.close();
		}
		if (node != null) {
			node.close();
		}
	}

	@Override
	protected BrokerProcess broker() {
		return node.process();
	}

	@Override
	protected Transport transport() {
		return StreamTransport.builder(application).build();
	}

	@Override
	protected Duration recovery() {
		return Duration.ofSeconds(90);
	}

	@Override
	protected String lastErrorWhileDown() {
		return Pattern.quote("could not reconnect to the RabbitMQ binder's broker at [127.0.0.1:" + node.port()
				+ "]: ConnectException: Connection refused");
	}

}

package dev.choreo.transport.rabbitmq;

import java.time.Duration;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.TransportContractTests;

/**
 * The transport contract on the RabbitMQ broker of the test machine.
 */
class RabbitTransportContractTests extends TransportContractTests {

	@Override
	protected void requireBroker() {
		RabbitBroker.require();
	}

	@Override
	protected Transport createTransport() {
		return RabbitTransport.builder(RabbitBroker.URI).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		return RabbitTransport.builder("amqp://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build();
	}

	/**
	 * Counts the queues bound to {@code amq.topic} with the topic as routing key, as
	 * {@code rabbitmqctl} lists them.
	 */
	@Override
	protected int brokerResources(String topic) {
		return RabbitBroker.queuesBoundTo("amq.topic", topic);
	}

}

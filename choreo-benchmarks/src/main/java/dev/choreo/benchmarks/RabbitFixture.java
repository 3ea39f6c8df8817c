package dev.choreo.benchmarks;

import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.choreo.transport.Transport;
import dev.choreo.transport.rabbitmq.RabbitTransport;

/**
 * RabbitMQ on 127.0.0.1:5672: the AMQP client against the RabbitMQ transport, both
 * through {@code amq.topic}.
 */
final class RabbitFixture implements TransportBenchmark.BrokerFixture {

	@Override
	public String name() {
		return "rabbitmq";
	}

	@Override
	public String topic(String base) {
		return "choreo.bench." + base + "." + UUID.randomUUID();
	}

	@Override
	public TransportBenchmark.RawClient raw(String topic) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		Connection connection = factory.newConnection("choreo-bench-raw");
		Channel publisher = connection.createChannel();
		Channel consumer = connection.createChannel();
		String queue = consumer.queueDeclare("", false, true, true, null).getQueue();
		consumer.queueBind(queue, "amq.topic", topic);
		TransportBenchmark.RawClient client = new TransportBenchmark.RawClient() {

			@Override
			void publish(byte[] payload) throws Exception {
				synchronized (publisher) {
					publisher.basicPublish("amq.topic", topic, null, payload);
				}
			}

			@Override
			public void close() throws Exception {
				connection.close();
			}

		};
		consumer.basicConsume(queue, true, (tag, delivery) -> client.deliver(delivery.getBody()), (tag) -> {
		});
		return client;
	}

	@Override
	public Transport transport() {
		return RabbitTransport.builder("amqp://127.0.0.1:5672").build();
	}

}

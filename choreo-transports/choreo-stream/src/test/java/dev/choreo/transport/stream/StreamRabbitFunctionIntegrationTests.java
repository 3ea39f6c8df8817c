package dev.choreo.transport.stream;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uppercase function application on the RabbitMQ binder.
 */
class StreamRabbitFunctionIntegrationTests extends StreamFunctionIntegrationTests {

	private static ConfigurableApplicationContext application;

	@BeforeAll
	static void startTheApplication() {
		if (!Brokers.isListening("127.0.0.1", RabbitBroker.PORT)) {
			return;
		}
		String[] properties = new String[FUNCTION_PROPERTIES.length + 1];
		System.arraycopy(FUNCTION_PROPERTIES, 0, properties, 0, FUNCTION_PROPERTIES.length);
		// the function's queue goes with the application
		properties[FUNCTION_PROPERTIES.length] = "spring.cloud.stream.rabbit.bindings.uppercase-in-0.consumer.durable-subscription=false";
		application = StreamApplications.rabbit(RabbitBroker.PORT, StreamApplications.Uppercase.class, properties);
	}

	@AfterAll
	static void closeTheApplication() {
		if (application != null) {
			application.close();
		}
	}

	@BeforeEach
	void requireTheBroker() {
		RabbitBroker.require();
	}

	@Override
	ConfigurableApplicationContext application() {
		return application;
	}

	@Override
	int brokerResources(String destination) {
		return RabbitBroker.queuesBoundTo(destination);
	}

	@Test
	void reportsTheLossAndRecoveryOfTheBindersConnection() throws Exception {
		CountDownLatch lost = new CountDownLatch(1);
		CountDownLatch restored = new CountDownLatch(1);
		TransportListener listener = new TransportListener() {

			@Override
			public void connectionLost(String description, @Nullable Throwable cause) {
				lost.countDown();
			}

			@Override
			public void connectionRestored() {
				restored.countDown();
			}

		};
		try (StreamTransport transport = transport()) {
			transport.connect(listener);
			String topic = "choreo.recovery." + SUFFIX;
			transport.subscribe(topic, (message) -> {
			}).toCompletableFuture().get(30, TimeUnit.SECONDS);
			ConnectionFactory connectionFactory = application().getBean(ConnectionFactory.class);
			RabbitBroker.closeConnectionFrom(connectionFactory.createConnection().getLocalPort());
			assertThat(lost.await(30, TimeUnit.SECONDS)).as("connection lost reported").isTrue();
			assertThat(restored.await(60, TimeUnit.SECONDS)).as("connection restored reported").isTrue();
		}
	}

	@Test
	void endpointsAreTheBindersAddresses() {
		assertThat(transport().endpoints())
			.containsExactly(new Endpoint(EndpointCategory.AMQP, "127.0.0.1:" + RabbitBroker.PORT));
	}

	@Test
	void carriesReplyAddressesButNoKeys() throws Exception {
		assertThat(transport().capabilities().keys()).isFalse();
		assertThat(transport().capabilities().replyTo()).isTrue();
		String topic = "choreo.reply." + SUFFIX;
		try (StreamTransport transport = transport()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			transport.subscribe(topic, received::add).toCompletableFuture().get(30, TimeUnit.SECONDS);
			transport.publish(new TransportMessage(topic, bytes("ping"), java.util.Map.of("x-binary", "\u00e9t\u00e9"),
					null, "choreo.replies"), PublishCallback.NONE);
			TransportMessage message = received.poll(30, TimeUnit.SECONDS);
			assertThat(message).isNotNull();
			assertThat(message.replyTo()).isEqualTo("choreo.replies");
			assertThat(message.topic()).isEqualTo(topic);
			assertThat(message.headers()).containsEntry("x-binary", "\u00e9t\u00e9");
		}
	}

}

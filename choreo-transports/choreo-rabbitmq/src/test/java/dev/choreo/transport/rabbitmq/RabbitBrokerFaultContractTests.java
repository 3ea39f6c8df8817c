package dev.choreo.transport.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.BrokerFaultContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.RabbitNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault contract on a RabbitMQ node the test starts on spare ports, stops and starts
 * again; and, on the same node, that the transport reports the loss and the recovery to
 * its listener and that a subscription made before the loss delivers again afterwards.
 */
class RabbitBrokerFaultContractTests extends BrokerFaultContractTests {

	private static RabbitNode node;

	@BeforeAll
	static void startNode() {
		RabbitBroker.require();
		node = RabbitNode.start("fault");
	}

	@AfterAll
	static void stopNode() {
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
		return RabbitTransport.builder(node.uri()).build();
	}

	@Override
	protected String lastErrorWhileDown() {
		return Pattern.quote("could not reconnect to RabbitMQ at 'amqp://127.0.0.1:" + node.port()
				+ "': ConnectException: Connection refused");
	}

	@Override
	protected Duration recovery() {
		return Duration.ofSeconds(90);
	}

	@Test
	void reportsTheLossAndTheRecoveryAndKeepsItsSubscriptions() throws Exception {
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		TransportListener listener = new TransportListener() {

			@Override
			public void connectionLost(String description, @Nullable Throwable cause) {
				events.add("lost: " + description);
			}

			@Override
			public void connectionRestored() {
				events.add("restored");
			}

		};
		try (Transport transport = transport()) {
			transport.connect(listener);
			String topic = topic("kept");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			transport.subscribe(topic, received::add).toCompletableFuture().get(10, TimeUnit.SECONDS);
			try {
				node.process().stop();
				assertThat(events.poll(30, TimeUnit.SECONDS))
					.isEqualTo("lost: the connection to RabbitMQ at 'amqp://127.0.0.1:" + node.port()
							+ "' closed: CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'");
				assertThat(publish(transport, topic, "while down").get(30, TimeUnit.SECONDS))
					.isEqualTo("error: The connection to RabbitMQ at 'amqp://127.0.0.1:" + node.port()
							+ "' is down; cannot publish to '" + topic + "' until it is back");
				assertThat(transport.subscribe(topic("during"), (message) -> {
				}).toCompletableFuture()).failsWithin(Duration.ofSeconds(30))
					.withThrowableOfType(ExecutionException.class)
					.withMessageContaining("is down; cannot subscribe to 'choreo.tck.fault.during.");
			}
			finally {
				node.restart();
			}
			assertThat(events.poll(90, TimeUnit.SECONDS)).isEqualTo("restored");
			assertThat(transport.isConnected()).isTrue();
			assertThat(publish(transport, topic, "back").get(30, TimeUnit.SECONDS)).isEqualTo("sent");
			TransportMessage message = received.poll(30, TimeUnit.SECONDS);
			assertThat(message).isNotNull();
			assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("back");
			assertThat(events).isEmpty();
		}
	}

	private static CompletableFuture<String> publish(Transport transport, String topic, String text) {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		transport.publish(TransportMessage.of(topic, text.getBytes(StandardCharsets.UTF_8)), new PublishCallback() {

			@Override
			public void onSent() {
				outcome.complete("sent");
			}

			@Override
			public void onError(Throwable error) {
				outcome.complete("error: " + error.getMessage());
			}

		});
		return outcome;
	}

}

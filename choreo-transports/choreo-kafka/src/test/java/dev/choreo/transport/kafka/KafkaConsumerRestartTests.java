package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Deliveries;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer loop that fails, on the test broker: an {@link Error} escaping a handler
 * reaches the transport's consumer thread, which must report the connection lost, start a
 * new consumer where the old one stopped and report it back, so later deliveries and
 * subscriptions work.
 */
class KafkaConsumerRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	@BeforeEach
	void requireBroker() {
		KafkaBrokers.require();
	}

	@Test
	void anErrorEscapingAHandlerRestartsTheConsumerWhereItStoppedAndReportsTheLossAndTheRecovery() throws Exception {
		try (KafkaTransport transport = KafkaTransport.builder(KafkaBrokers.bootstrap()).build()) {
			transport.connect(new Recorder(transport));
			String failing = topic("failing");
			String other = topic("other");
			BlockingQueue<TransportMessage> sibling = new LinkedBlockingQueue<>();
			BlockingQueue<TransportMessage> elsewhere = new LinkedBlockingQueue<>();
			transport.subscribe(failing, (message) -> {
				if (Deliveries.text(message).equals("boom")) {
					throw new AssertionError("a handler bug");
				}
			}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			Deliveries.subscribe(transport, failing, sibling, WAIT);
			Deliveries.subscribe(transport, other, elsewhere, WAIT);
			publish(transport, failing, "boom");
			assertThat(this.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(
					"lost (connected=false): the Kafka consumer loop failed (AssertionError: a handler bug); restarting it");
			assertThat(this.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("restored (connected=true)");
			assertThat(transport.isConnected()).isTrue();
			assertThat(Deliveries.text(Deliveries.next(sibling, WAIT))).as("the other subscription had the record")
				.isEqualTo("boom");
			publish(transport, failing, "after");
			publish(transport, other, "elsewhere");
			assertThat(Deliveries.text(Deliveries.next(sibling, WAIT))).as("the record is not delivered again")
				.isEqualTo("after");
			assertThat(Deliveries.text(Deliveries.next(elsewhere, WAIT))).isEqualTo("elsewhere");
			BlockingQueue<TransportMessage> later = new LinkedBlockingQueue<>();
			String newTopic = topic("later");
			Deliveries.subscribe(transport, newTopic, later, WAIT);
			publish(transport, newTopic, "later");
			assertThat(Deliveries.text(Deliveries.next(later, WAIT))).isEqualTo("later");
			assertThat(this.events).isEmpty();
		}
	}

	private static String topic(String base) {
		return "choreo.restart." + base + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void publish(KafkaTransport transport, String topic, String text) throws InterruptedException {
		BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
		transport.publish(TransportMessage.of(topic, text.getBytes(StandardCharsets.UTF_8)), new PublishCallback() {

			@Override
			public void onSent() {
				outcome.add("sent");
			}

			@Override
			public void onError(Throwable error) {
				outcome.add("error: " + error.getMessage());
			}

		});
		assertThat(outcome.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("sent");
	}

	/**
	 * Records the connection events, with what the transport says at that moment.
	 */
	private final class Recorder implements TransportListener {

		private final KafkaTransport transport;

		Recorder(KafkaTransport transport) {
			this.transport = transport;
		}

		@Override
		public void connectionLost(String description, @Nullable Throwable cause) {
			KafkaConsumerRestartTests.this.events
				.add("lost (connected=" + this.transport.isConnected() + "): " + description);
		}

		@Override
		public void connectionRestored() {
			KafkaConsumerRestartTests.this.events.add("restored (connected=" + this.transport.isConnected() + ")");
		}

	}

}

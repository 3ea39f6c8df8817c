package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.BrokerFaultContractTests;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault contract on a Kafka broker in a JVM of its own, which the tests stop and
 * start again on the same port; and what the transport itself reports while the broker is
 * away.
 */
class KafkaBrokerFaultContractTests extends BrokerFaultContractTests {

	private static BrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = StandaloneKafka.start("kafka-fault");
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.close();
		}
	}

	@Override
	protected BrokerProcess broker() {
		return broker;
	}

	/**
	 * Kafka clients keep no connection open between requests, so the transport notices a
	 * stopped broker when its cluster watcher's probe times out (five seconds), not at
	 * once.
	 */
	@Override
	protected Duration outageNoticedWithin() {
		return Duration.ofSeconds(10);
	}

	/**
	 * Return a transport to the broker with a connect timeout that covers a broker JVM
	 * still starting up on a loaded machine: it listens well before it answers.
	 */
	@Override
	protected Transport transport() {
		return builder().build();
	}

	private static KafkaTransport.Builder builder() {
		return KafkaTransport.builder("127.0.0.1:" + broker.port()).connectTimeout(Duration.ofSeconds(90));
	}

	@Override
	protected Duration recovery() {
		return Duration.ofSeconds(90);
	}

	@Override
	protected String lastErrorWhileDown() {
		return "(lost the connection to|could not reconnect to) Kafka at "
				+ Pattern.quote("[127.0.0.1:" + broker.port() + "]") + ": no broker accepts connections";
	}

	@Test
	void reportsAPublishAsFailedWhileTheBrokerIsDown() throws Exception {
		try (Transport transport = builder().requestTimeout(Duration.ofSeconds(3)).build()) {
			transport.connect(TransportListener.NONE);
			String topic = topic("publish-down");
			// a subscription creates the topic; a publish never does
			transport.subscribe(topic, (message) -> {
			}).toCompletableFuture().get(30, TimeUnit.SECONDS);
			assertThat(publish(transport, topic)).isEqualTo("sent");
			broker.stop();
			try {
				assertThat(publish(transport, topic)).startsWith("error TransportException: Kafka did not acknowledge"
						+ " the message to '" + topic + "' within 3s; is the broker at [127.0.0.1:" + broker.port()
						+ "] up? (TimeoutException: ");
			}
			finally {
				broker.start();
			}
			assertThat(Waits.until(recovery(), () -> "sent".equals(publishQuietly(transport, topic))))
				.as("a publish succeeds once the broker is back")
				.isTrue();
		}
	}

	@Test
	void tellsTheListenerWhenTheBrokerGoesAndComesBack() throws Exception {
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		try (Transport transport = builder().build()) {
			transport.connect(new TransportListener() {

				@Override
				public void connectionLost(String description, @Nullable Throwable cause) {
					events.add("lost: " + description);
				}

				@Override
				public void connectionRestored() {
					events.add("restored");
				}

			});
			broker.stop();
			try {
				assertThat(events.poll(20, TimeUnit.SECONDS))
					.startsWith("lost: lost the connection to Kafka at [127.0.0.1:" + broker.port() + "]: ");
			}
			finally {
				broker.start();
			}
			assertThat(events.poll(recovery().toSeconds(), TimeUnit.SECONDS)).isEqualTo("restored");
			assertThat(events).isEmpty();
		}
	}

	private static String publish(Transport transport, String topic) throws InterruptedException {
		BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
		transport.publish(TransportMessage.of(topic, "x".getBytes(StandardCharsets.UTF_8)), new PublishCallback() {

			@Override
			public void onSent() {
				outcome.add("sent");
			}

			@Override
			public void onError(Throwable error) {
				outcome.add("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
			}

		});
		String result = outcome.poll(30, TimeUnit.SECONDS);
		assertThat(result).as("a publish outcome within 30s").isNotNull();
		return result;
	}

	private static @Nullable String publishQuietly(Transport transport, String topic) {
		try {
			return publish(transport, topic);
		}
		catch (InterruptedException | AssertionError ex) {
			return null;
		}
	}

}

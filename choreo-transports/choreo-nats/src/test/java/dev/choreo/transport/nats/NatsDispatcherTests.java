package dev.choreo.transport.nats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.Deliveries;
import dev.choreo.transport.tck.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher that delivers a NATS transport's messages, on the NATS server of the
 * test machine: a handler cannot stop it, and a dispatcher stopped from elsewhere is
 * reported as a lost connection and replaced with every subscription.
 */
class NatsDispatcherTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final TransportListener listener = new TransportListener() {

		@Override
		public void connectionLost(String description, @Nullable Throwable cause) {
			NatsDispatcherTests.this.events.add("lost: " + description);
		}

		@Override
		public void connectionRestored() {
			NatsDispatcherTests.this.events.add("restored");
		}

	};

	@BeforeEach
	void requireBroker() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void aHandlerThatThrowsAnErrorOrLeavesItsThreadInterruptedDoesNotStopDelivery() throws Exception {
		try (NatsTransport transport = NatsTransport.builder(NatsTransportContractTests.URL).build()) {
			transport.connect(this.listener);
			String subject = subject();
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			transport.subscribe(subject, (message) -> {
				String text = Deliveries.text(message);
				if (text.equals("error")) {
					throw new AssertionError("a handler bug");
				}
				if (text.equals("interrupt")) {
					Thread.currentThread().interrupt();
					return;
				}
				received.add(message);
			}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			for (String text : new String[] { "error", "interrupt", "after" }) {
				transport.publish(TransportMessage.of(subject, text.getBytes(StandardCharsets.UTF_8)),
						PublishCallback.NONE);
			}
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("after");
			assertThat(transport.isConnected()).isTrue();
			assertThat(this.events).isEmpty();
		}
	}

	@Test
	void aDispatcherStoppedFromElsewhereIsReportedAndReplacedWithItsSubscriptions() throws Exception {
		try (NatsTransport transport = NatsTransport.builder(NatsTransportContractTests.URL).build()) {
			transport.connect(this.listener);
			String subject = subject();
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			AtomicReference<Thread> dispatcherThread = new AtomicReference<>();
			transport.subscribe(subject, (message) -> {
				dispatcherThread.set(Thread.currentThread());
				received.add(message);
			}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			transport.publish(TransportMessage.of(subject, "before".getBytes(StandardCharsets.UTF_8)),
					PublishCallback.NONE);
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("before");
			Thread thread = dispatcherThread.get();
			assertThat(Waits.until(WAIT, () -> thread.getState() == Thread.State.TIMED_WAITING))
				.as("the dispatcher waits for the next message")
				.isTrue();
			thread.interrupt();
			assertThat(this.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
				.isEqualTo("lost: the NATS dispatcher of the connection to [" + NatsTransportContractTests.URL
						+ "] stopped; restarting it");
			assertThat(this.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("restored");
			assertThat(transport.isConnected()).isTrue();
			transport.publish(TransportMessage.of(subject, "after".getBytes(StandardCharsets.UTF_8)),
					PublishCallback.NONE);
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("after");
			assertThat(received).isEmpty();
			assertThat(this.events).isEmpty();
		}
	}

	private static String subject() {
		return "choreo.test.dispatcher." + UUID.randomUUID().toString().substring(0, 8);
	}

}

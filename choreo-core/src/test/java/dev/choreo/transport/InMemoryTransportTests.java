package dev.choreo.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import dev.choreo.testing.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The in-memory transport on its own: synchronous delivery in subscription order,
 * isolated subscribers, the record of sent messages. Checklist items J-127 to J-133; for
 * J-133 a subscriber that throws is logged and skipped, so neither its siblings nor the
 * publisher notice (a deliberate difference from the original, where the publisher got
 * the exception).
 */
class InMemoryTransportTests {

	private final InMemoryTransport transport = InMemoryTransport.create();

	private static TransportMessage message(String topic, String text) {
		return TransportMessage.of(topic, text.getBytes(StandardCharsets.UTF_8));
	}

	@Test // J-127
	void connectingAndClosingRepeatedlyIsHarmless() {
		assertThat(this.transport.isConnected()).isFalse();
		this.transport.connect(TransportListener.NONE);
		this.transport.connect(TransportListener.NONE);
		assertThat(this.transport.isConnected()).isTrue();
		this.transport.close();
		this.transport.close();
		assertThat(this.transport.isConnected()).isFalse();
		this.transport.connect(TransportListener.NONE);
		assertThat(this.transport.isConnected()).isTrue();
	}

	@Test // J-128
	void aPublishReachesEverySubscriberOfTheTopicBeforeItReturns() {
		this.transport.connect(TransportListener.NONE);
		List<String> received = new ArrayList<>();
		this.transport.subscribe("orders", (message) -> received.add("first " + text(message)));
		this.transport.subscribe("orders", (message) -> received.add("second " + text(message)));
		this.transport.subscribe("payments", (message) -> received.add("payments " + text(message)));
		this.transport.publish(message("orders", "one"), PublishCallback.NONE);
		assertThat(received).containsExactly("first one", "second one");
		assertThatNoException().isThrownBy(() -> this.transport.publish(message("nobody", "x"), PublishCallback.NONE));
	}

	@Test // J-128
	void topicsMatchExactly() {
		this.transport.connect(TransportListener.NONE);
		List<TransportMessage> received = new ArrayList<>();
		this.transport.subscribe("orders.*", received::add);
		this.transport.subscribe("orders", received::add);
		this.transport.publish(message("orders.created", "x"), PublishCallback.NONE);
		assertThat(received).isEmpty();
		assertThat(this.transport.capabilities().wildcards()).isFalse();
	}

	@Test // J-128
	void theSameHandlerSubscribedTwiceIsCalledTwiceUntilEachSubscriptionIsCancelled() {
		this.transport.connect(TransportListener.NONE);
		List<TransportMessage> received = new ArrayList<>();
		InboundHandler handler = received::add;
		Subscription first = this.transport.subscribe("orders", handler).toCompletableFuture().join();
		Subscription second = this.transport.subscribe("orders", handler).toCompletableFuture().join();
		assertThat(this.transport.subscriptionCount()).isEqualTo(2);
		this.transport.publish(message("orders", "a"), PublishCallback.NONE);
		first.unsubscribe();
		assertThat(this.transport.subscriptionCount()).isEqualTo(1);
		this.transport.publish(message("orders", "b"), PublishCallback.NONE);
		second.unsubscribe();
		assertThat(this.transport.subscriptionCount()).isZero();
		this.transport.publish(message("orders", "c"), PublishCallback.NONE);
		assertThat(received).extracting(InMemoryTransportTests::text).containsExactly("a", "a", "b");
		assertThat(first.topic()).isEqualTo("orders");
	}

	@Test // J-129
	void anUnsubscribedHandlerGetsNothingWhileItsSiblingStillReceives() {
		this.transport.connect(TransportListener.NONE);
		List<TransportMessage> gone = new ArrayList<>();
		List<TransportMessage> sibling = new ArrayList<>();
		Subscription subscription = this.transport.subscribe("orders", gone::add).toCompletableFuture().join();
		this.transport.subscribe("orders", sibling::add);
		subscription.unsubscribe();
		subscription.unsubscribe();
		this.transport.publish(message("orders", "x"), PublishCallback.NONE);
		assertThat(gone).isEmpty();
		assertThat(sibling).hasSize(1);
	}

	@Test // J-130
	void aPublishAfterCloseIsRefused() {
		this.transport.connect(TransportListener.NONE);
		this.transport.close();
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.transport.publish(message("orders", "x"), PublishCallback.NONE))
			.withMessage("The in-memory transport is not connected; call connect() first");
		assertThat(this.transport.sent()).isEmpty();
	}

	@Test // J-130
	void subscribingWorksWhetherConnectedOrNot() {
		List<TransportMessage> received = new ArrayList<>();
		this.transport.subscribe("orders", received::add);
		this.transport.connect(TransportListener.NONE);
		this.transport.publish(message("orders", "x"), PublishCallback.NONE);
		assertThat(received).hasSize(1);
	}

	@Test // J-131
	void everyPublishedMessageIsRecordedInOrder() {
		this.transport.connect(TransportListener.NONE);
		TransportMessage first = message("a", "1");
		TransportMessage second = message("b", "2");
		this.transport.publish(first, PublishCallback.NONE);
		this.transport.publish(second, PublishCallback.NONE);
		List<TransportMessage> sent = this.transport.sent();
		assertThat(sent).containsExactly(first, second);
		sent.clear();
		assertThat(this.transport.sent()).hasSize(2);
	}

	@Test // J-132
	void onSentRunsAfterTheSubscribersAndBeforePublishReturns() {
		this.transport.connect(TransportListener.NONE);
		List<String> events = new ArrayList<>();
		this.transport.subscribe("orders", (message) -> events.add("delivered"));
		this.transport.publish(message("orders", "x"), new PublishCallback() {

			@Override
			public void onSent() {
				events.add("sent");
			}

			@Override
			public void onError(Throwable error) {
				events.add("error");
			}

		});
		events.add("returned");
		assertThat(events).containsExactly("delivered", "sent", "returned");
	}

	@Test // J-133
	void aSubscriberThatThrowsIsLoggedAndNeitherItsSiblingsNorThePublisherNotice() {
		this.transport.connect(TransportListener.NONE);
		List<String> events = new CopyOnWriteArrayList<>();
		this.transport.subscribe("orders", (message) -> {
			throw new IllegalStateException("SECRET " + text(message));
		});
		this.transport.subscribe("orders", (message) -> events.add("sibling " + text(message)));
		try (LogCapture logs = LogCapture.choreo()) {
			this.transport.publish(message("orders", "x"), new PublishCallback() {

				@Override
				public void onSent() {
					events.add("sent");
				}

				@Override
				public void onError(Throwable error) {
					events.add("error");
				}

			});
			assertThat(logs.messages(Level.WARN)).containsExactly("A subscriber of 'orders' raised"
					+ " java.lang.IllegalStateException; other subscribers still get the message");
			assertThat(logs.everything()).doesNotContain("SECRET");
		}
		assertThat(events).containsExactly("sibling x", "sent");
	}

	@Test
	void itCarriesEverythingButWildcards() {
		assertThat(this.transport.capabilities())
			.isEqualTo(new TransportCapabilities(true, true, false, true, true, true));
		assertThat(this.transport.name()).isEqualTo("in-memory");
		assertThat(this.transport.endpoints()).isEmpty();
		assertThat(InMemoryTransport.builder().endpoint("mock:1").build().endpoints())
			.containsExactly(new Endpoint(EndpointCategory.MOCK, "mock:1"));
		assertThat(this.transport).hasToString("InMemoryTransport[connected=false]");
	}

	@Test
	void headersKeysAndReplyAddressesReachTheSubscriber() {
		this.transport.connect(TransportListener.NONE);
		List<TransportMessage> received = new ArrayList<>();
		this.transport.subscribe("orders", received::add);
		TransportMessage sent = new TransportMessage("orders", new byte[] { 1 }, java.util.Map.of("h", "v"), "key",
				"inbox");
		this.transport.publish(sent, PublishCallback.NONE);
		assertThat(received).containsExactly(sent);
	}

	@Test
	void sentKeepsTheMostRecentMessagesUpToItsCapacityOldestFirst() {
		InMemoryTransport small = InMemoryTransport.builder().sentCapacity(3).build();
		small.connect(TransportListener.NONE);
		for (String text : List.of("a", "b", "c", "d", "e")) {
			small.publish(message("orders", text), PublishCallback.NONE);
		}
		assertThat(small.sent()).extracting(InMemoryTransportTests::text).containsExactly("c", "d", "e");
		InMemoryTransport none = InMemoryTransport.builder().sentCapacity(0).build();
		none.connect(TransportListener.NONE);
		none.publish(message("orders", "a"), PublishCallback.NONE);
		assertThat(none.sent()).isEmpty();
	}

	@Test
	void sentHoldsExactlyItsCapacityAfterPublishesFromManyThreads() throws Exception {
		InMemoryTransport shared = InMemoryTransport.builder().sentCapacity(100).build();
		shared.connect(TransportListener.NONE);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			String name = "t" + t;
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 2_000; i++) {
					shared.publish(message("orders", name + "-" + i), PublishCallback.NONE);
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<TransportMessage> sent = shared.sent();
		assertThat(sent).hasSize(100);
		for (int t = 0; t < 8; t++) {
			String prefix = "t" + t + "-";
			List<Integer> mine = sent.stream()
				.map(InMemoryTransportTests::text)
				.filter((text) -> text.startsWith(prefix))
				.map((text) -> Integer.parseInt(text.substring(prefix.length())))
				.toList();
			assertThat(mine).as("each thread's messages oldest first").isSorted();
		}
	}

	private static String text(TransportMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}

package dev.choreo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.testing.FakeTransport;
import dev.choreo.transport.TransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a harness says and does while its broker is unreachable: {@code isConnected()}
 * follows the transport's reports, and {@code expect()} waits for the reconnect within
 * the subscribe timeout before it subscribes, failing with how long the broker has been
 * unreachable and the last error when it does not come back.
 */
class HarnessReconnectTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final FakeTransport transport = FakeTransport.named("fake");

	@Test
	void isNotConnectedFromTheLossOfTheConnectionUntilItIsBack() {
		try (Harness harness = Harness.builder(this.transport).build().connect()) {
			assertThat(harness.isConnected()).isTrue();
			this.transport.loseConnection("broker went away");
			assertThat(harness.isConnected()).isFalse();
			this.transport.failReconnect("ConnectException: Connection refused");
			assertThat(harness.isConnected()).isFalse();
			this.transport.restoreConnection();
			assertThat(harness.isConnected()).isTrue();
		}
	}

	@Test
	void isNotConnectedAfterCloseAndForgetsAnOutageWhenItConnectsAgain() {
		Harness harness = Harness.builder(this.transport).build().connect();
		this.transport.loseConnection("broker went away");
		harness.close();
		assertThat(harness.isConnected()).isFalse();
		harness.connect();
		assertThat(harness.isConnected()).isTrue();
		harness.close();
	}

	@Test
	void expectWaitsForTheReconnectBeforeItSubscribes() throws Exception {
		try (Harness harness = Harness.builder(this.transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.subscribeTimeout(WAIT)
			.build()
			.connect(); Scenario scenario = harness.scenario("after-restart")) {
			this.transport.loseConnection("broker went away");
			CompletableFuture<Handle> expecting = new CompletableFuture<>();
			Thread expecter = new Thread(() -> {
				try {
					expecting.complete(scenario.expect("orders"));
				}
				catch (Throwable ex) {
					expecting.completeExceptionally(ex);
				}
			}, "expecter");
			expecter.start();
			assertThat(awaitWaiting(expecter)).as("expect() waits for the reconnect").isTrue();
			assertThat(this.transport.subscribes).as("no subscription while the broker is unreachable").hasValue(0);
			this.transport.restoreConnection();
			Handle handle = expecting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(this.transport.subscribes).hasValue(1);
			scenario.publish("orders", Map.of("n", 1)).awaitAll(WAIT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void aSubscriptionThatFailsBecauseTheConnectionWentIsMadeAgainOnceItIsBack() throws Exception {
		CountDownLatch failedOnce = new CountDownLatch(1);
		AtomicInteger attempts = new AtomicInteger();
		this.transport.beforeSubscribed(() -> {
			if (attempts.incrementAndGet() == 1) {
				this.transport.loseConnection("broker went away");
				this.transport.failingSubscribe(new TransportException("Currently not connected"));
				failedOnce.countDown();
			}
			else {
				this.transport.failingSubscribe(null);
			}
		});
		try (Harness harness = Harness.builder(this.transport).subscribeTimeout(WAIT).build().connect();
				Scenario scenario = harness.scenario("lost-while-subscribing")) {
			CompletableFuture<Handle> expecting = CompletableFuture.supplyAsync(() -> scenario.expect("orders"));
			assertThat(failedOnce.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			this.transport.restoreConnection();
			Handle handle = expecting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(attempts).hasValue(2);
			scenario.publish("orders", Map.of("n", 1)).awaitAll(WAIT);
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void expectFailsAfterTheSubscribeTimeoutNamingTheOutageAndTheLastError() {
		try (Harness harness = Harness.builder(this.transport)
			.name("redis")
			.subscribeTimeout(Duration.ofMillis(300))
			.build()
			.connect(); Scenario scenario = harness.scenario("broker-down")) {
			this.transport.loseConnection("lost the connection to Redis at 'redis://127.0.0.1:6379'");
			this.transport.failReconnect("ConnectException: Connection refused");
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> scenario.expect("orders"))
				.withMessageMatching("Could not subscribe to 'orders' on harness 'redis': the broker has been"
						+ " unreachable for \\d+(\\.\\d)?m?s \\(since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z\\);"
						+ " last error: ConnectException: Connection refused");
			assertThat(this.transport.subscribes).hasValue(0);
			assertThat(harness.activeSubscriptionCount()).isZero();
		}
	}

	@Test
	void aReplyWaitsForTheReconnectToo() {
		try (Harness harness = Harness.builder(this.transport)
			.subscribeTimeout(Duration.ofMillis(300))
			.build()
			.connect(); Scenario scenario = harness.scenario("reply-while-down")) {
			this.transport.loseConnection("broker went away");
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> scenario.on("orders").publish("confirmations", Map.of()))
				.withMessageStartingWith(
						"Could not subscribe to 'orders' on harness 'fake': the broker has been" + " unreachable for ")
				.withMessageEndingWith("; last error: broker went away");
			assertThat(this.transport.subscribes).hasValue(0);
		}
	}

	private static boolean awaitWaiting(Thread thread) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
			if (System.nanoTime() - deadline > 0 || !thread.isAlive()) {
				return false;
			}
			Thread.onSpinWait();
		}
		return true;
	}

}

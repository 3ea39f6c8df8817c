package dev.choreo.transport.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a transport does while its server is down and once it is back, in both modes: it
 * reports the loss and the recovery, fails publishes in between, and keeps the
 * subscriptions made before the restart. The server asks for a password, so the client's
 * own reconnection must log on again.
 */
class RedisRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration RECOVERY = Duration.ofSeconds(30);

	private static final String PASSWORD = "restart-pa55";

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-restart", Brokers.freePort(), "--requirepass", PASSWORD);
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void pubSubSubscriptionsAreRestoredAfterTheServerRestarts() throws Exception {
		survivesARestart(RedisMode.PUB_SUB, "PUBLISH");
	}

	@Test
	void streamSubscriptionsResumeAfterTheServerRestarts() throws Exception {
		survivesARestart(RedisMode.STREAMS, "XADD");
	}

	@Test
	void closesAndLeavesNoThreadsWhileTheServerIsDown() throws Exception {
		Set<String> before = RedisThreads.names();
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		RedisTransport streams = RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.mode(RedisMode.STREAMS)
			.auth(AuthResolver.from(() -> RedisAuth.password(PASSWORD)))
			.build();
		RedisTransport pubSub = RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.auth(AuthResolver.from(() -> RedisAuth.password(PASSWORD)))
			.build();
		streams.connect(new RecordingListener(events));
		pubSub.connect(new RecordingListener(events));
		streams.subscribe("choreo:test:down", (message) -> {
		}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		pubSub.subscribe("choreo:test:down", (message) -> {
		}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		try {
			server.stop();
			assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).startsWith("lost: ");
			assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).startsWith("lost: ");
			streams.close();
			pubSub.close();
			assertThat(streams.isConnected()).isFalse();
			assertThat(pubSub.isConnected()).isFalse();
			assertThat(Waits.until(WAIT, () -> RedisThreads.newSince(before).isEmpty()))
				.as("threads left after closing during an outage: %s", RedisThreads.newSince(before))
				.isTrue();
		}
		finally {
			server.start();
		}
	}

	private void survivesARestart(RedisMode mode, String command) throws Exception {
		String topic = "choreo:test:restart:" + UUID.randomUUID().toString().substring(0, 8);
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
		try (RedisTransport transport = RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.mode(mode)
			.auth(AuthResolver.from(() -> RedisAuth.password(PASSWORD)))
			.build()) {
			transport.connect(new RecordingListener(events));
			transport.subscribe(topic, received::add).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			transport.publish(TransportMessage.of(topic, bytes("before")), PublishCallback.NONE);
			assertThat(text(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("before");
			try {
				server.stop();
				assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
					.isEqualTo("lost: lost the connection to Redis at 'redis://127.0.0.1:" + server.port() + "'");
				assertThat(outcome(transport, topic, "while-down").get(WAIT.toSeconds(), TimeUnit.SECONDS))
					.startsWith("error: Redis " + command + " to '" + topic + "' failed: ");
			}
			finally {
				server.start();
			}
			assertThat(events.poll(RECOVERY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("restored");
			boolean delivered = Waits.until(RECOVERY, () -> publishedAndReceived(transport, topic, received));
			assertThat(delivered).as("the subscription made before the restart receives a message published after it")
				.isTrue();
			assertThat(events).isEmpty();
		}
	}

	private static boolean publishedAndReceived(RedisTransport transport, String topic,
			BlockingQueue<TransportMessage> received) {
		try {
			if (!outcome(transport, topic, "after").get(WAIT.toSeconds(), TimeUnit.SECONDS).equals("sent")) {
				return false;
			}
			TransportMessage message = received.poll(1, TimeUnit.SECONDS);
			return message != null && text(message).equals("after");
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static CompletableFuture<String> outcome(RedisTransport transport, String topic, String payload) {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		transport.publish(TransportMessage.of(topic, bytes(payload)), new PublishCallback() {

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

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(@Nullable TransportMessage message) {
		assertThat(message).as("a message").isNotNull();
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

	/**
	 * Records what the transport reports about its connection.
	 */
	private record RecordingListener(BlockingQueue<String> events) implements TransportListener {

		@Override
		public void connectionLost(String description, @Nullable Throwable cause) {
			this.events.add("lost: " + description);
		}

		@Override
		public void connectionRestored() {
			this.events.add("restored");
		}

	}

}

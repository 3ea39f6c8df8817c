package dev.choreo.transport.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.Deliveries;
import dev.choreo.transport.tck.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pub/sub behaviour beyond the contract, on the Redis server of the test machine.
 */
class RedisPubSubTransportTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final RedisProbe probe = RedisProbe.local();

	@BeforeEach
	void requireRedis() {
		Brokers.require("Redis", "127.0.0.1", 6379);
	}

	private static String channel(String base) {
		return "choreo:test:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static RedisTransport connected() {
		RedisTransport transport = RedisTransport.builder("redis://127.0.0.1:6379").build();
		transport.connect(TransportListener.NONE);
		return transport;
	}

	@Test
	void deliversTheActualChannelToAPatternSubscription() throws Exception {
		try (RedisTransport transport = connected()) {
			String prefix = channel("pattern");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, prefix + ":*", received, WAIT);
			this.probe.command("PUBLISH", prefix + ":orders", "from-outside");
			transport.publish(TransportMessage.of(prefix + ":payments", "from-choreo".getBytes(StandardCharsets.UTF_8)),
					PublishCallback.NONE);
			TransportMessage first = Deliveries.next(received, WAIT);
			TransportMessage second = Deliveries.next(received, WAIT);
			assertThat(first.topic()).isEqualTo(prefix + ":orders");
			assertThat(Deliveries.text(first)).isEqualTo("from-outside");
			assertThat(second.topic()).isEqualTo(prefix + ":payments");
			assertThat(Deliveries.text(second)).isEqualTo("from-choreo");
		}
	}

	@Test
	void completesASubscriptionOnlyOnceRedisCountsItAndUnsubscribesWithTheLastOne() throws Exception {
		try (RedisTransport transport = connected()) {
			String topic = channel("confirmed");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Subscription first = Deliveries.subscribe(transport, topic, received, WAIT);
			assertThat(this.probe.subscribers(topic)).isEqualTo(1);
			Subscription second = Deliveries.subscribe(transport, topic, received, WAIT);
			first.unsubscribe();
			assertThat(this.probe.subscribers(topic)).isEqualTo(1);
			second.unsubscribe();
			assertThat(Waits.until(WAIT, () -> this.probe.subscribers(topic) == 0)).as("UNSUBSCRIBE reached Redis")
				.isTrue();
		}
	}

	@Test
	void reportsAPublishToAChannelNobodyListensToAsSent() throws Exception {
		try (RedisTransport transport = connected()) {
			CompletableFuture<String> outcome = new CompletableFuture<>();
			transport.publish(TransportMessage.of(channel("nobody"), new byte[] { 1 }), new PublishCallback() {

				@Override
				public void onSent() {
					outcome.complete("sent");
				}

				@Override
				public void onError(Throwable error) {
					outcome.complete("error " + error);
				}

			});
			assertThat(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("sent");
		}
	}

	@Test
	void carriesAOneMebibyteJsonPayloadThroughAScenario() {
		String blob = "x".repeat(1024 * 1024);
		try (Harness harness = Harness.builder(RedisTransport.builder("redis://127.0.0.1:6379").build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("large")) {
			String topic = channel("large");
			Handle handle = scenario.expect(topic, fieldEquals("kind", "large"));
			scenario.publish(topic, Map.of("kind", "large", "blob", blob)).awaitAll(WAIT).assertPassed();
			assertThat(((Map<?, ?>) handle.message()).get("blob")).isEqualTo(blob);
		}
	}

	@Test
	void worksOverAnApplicationFactoryAndLeavesItUsable() {
		LettuceConnectionFactory application = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		application.afterPropertiesSet();
		application.start();
		try {
			try (Harness harness = Harness.builder(RedisTransport.builder(application).build())
				.correlation(CorrelationPolicy.field("correlation_id"))
				.build()
				.connect(); Scenario scenario = harness.scenario("application-factory")) {
				String topic = channel("app");
				scenario.expect(topic, fieldEquals("n", 1));
				scenario.publish(topic, Map.of("n", 1)).awaitAll(WAIT).assertPassed();
			}
			assertThat(application.isRunning()).isTrue();
			try (RedisConnection connection = application.getConnection()) {
				assertThat(connection.ping()).isEqualTo("PONG");
			}
		}
		finally {
			application.destroy();
		}
	}

	@Test
	void worksOverAJedisFactory() {
		JedisConnectionFactory jedis = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		jedis.afterPropertiesSet();
		jedis.start();
		try (Harness harness = Harness.builder(RedisTransport.builder(jedis).endpoints("127.0.0.1:6379").build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("jedis-factory")) {
			String topic = channel("jedis");
			scenario.expect(topic, fieldEquals("n", 2));
			scenario.publish(topic, Map.of("n", 2)).awaitAll(WAIT).assertPassed();
		}
		finally {
			jedis.destroy();
		}
	}

	@Test
	void failsToConnectWithinItsTimeoutNamingTheServerWithoutCredentials() {
		Set<String> before = RedisThreads.names();
		int port = Brokers.freePort();
		RedisTransport transport = RedisTransport.builder("redis://choreo:s3cret-pass@127.0.0.1:" + port)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Could not connect to Redis at 'redis://<redacted>@127.0.0.1:" + port + "' within 2s: ")
				.doesNotContain("s3cret-pass"));
		assertThat(transport.isConnected()).isFalse();
		assertThat(Waits.until(WAIT, () -> RedisThreads.newSince(before).isEmpty()))
			.as("threads left after a failed connect: %s", RedisThreads.newSince(before))
			.isTrue();
	}

	@Test
	void leavesNoLettuceThreadsAfterClose() throws Exception {
		Set<String> before = RedisThreads.names();
		RedisTransport transport = connected();
		String topic = channel("threads");
		BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
		Deliveries.subscribe(transport, topic, received, WAIT);
		transport.publish(TransportMessage.of(topic, new byte[] { 7 }), PublishCallback.NONE);
		Deliveries.next(received, WAIT);
		assertThat(RedisThreads.newSince(before)).anyMatch((name) -> name.startsWith("lettuce-"))
			.anyMatch((name) -> name.startsWith("choreo-redis-"));
		transport.close();
		transport.close();
		assertThat(Waits.until(WAIT, () -> RedisThreads.newSince(before).isEmpty()))
			.as("threads left after close: %s", RedisThreads.newSince(before))
			.isTrue();
	}

}

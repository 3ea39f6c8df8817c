package dev.choreo.transport.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Scenario;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.Deliveries;
import dev.choreo.transport.tck.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams behaviour beyond the contract, on the Redis server of the test machine.
 */
class RedisStreamsTransportTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CLIENT_NAME = "choreo-streams-tests";

	private final RedisProbe probe = RedisProbe.local();

	@BeforeEach
	void requireRedis() {
		Brokers.require("Redis", "127.0.0.1", 6379);
	}

	@AfterAll
	static void deleteStreams() {
		if (Brokers.isListening("127.0.0.1", 6379)) {
			RedisProbe.local().deleteKeys("choreo:test:*");
		}
	}

	private static String stream(String base) {
		return "choreo:test:" + base + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static RedisTransport connected() {
		RedisTransport transport = RedisTransport.builder("redis://127.0.0.1:6379")
			.mode(RedisMode.STREAMS)
			.clientName(CLIENT_NAME)
			.build();
		transport.connect(TransportListener.NONE);
		return transport;
	}

	@Test
	void neverMissesAnEntryAddedRightAfterSubscribeReturns200TimesInARow() throws Exception {
		try (RedisTransport transport = connected()) {
			String shared = stream("shared");
			for (int i = 0; i < 200; i++) {
				String topic = (i % 2 == 0) ? stream("fresh") : shared;
				BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
				Subscription subscription = Deliveries.subscribe(transport, topic, received, WAIT);
				this.probe.command("XADD", topic, "*", "payload", "entry-" + i);
				TransportMessage message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(message).as("entry %d of 200 on %s", i, topic).isNotNull();
				assertThat(Deliveries.text(message)).isEqualTo("entry-" + i);
				subscription.unsubscribe();
			}
		}
	}

	@Test
	void deliversEachEntryToEverySubscriptionMadeBeforeIt() throws Exception {
		try (RedisTransport transport = connected()) {
			String topic = stream("start");
			BlockingQueue<TransportMessage> early = new LinkedBlockingQueue<>();
			BlockingQueue<TransportMessage> late = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, early, WAIT);
			transport.publish(TransportMessage.of(topic, "one".getBytes(StandardCharsets.UTF_8)), PublishCallback.NONE);
			assertThat(Deliveries.text(Deliveries.next(early, WAIT))).isEqualTo("one");
			Deliveries.subscribe(transport, topic, late, WAIT);
			transport.publish(TransportMessage.of(topic, "two".getBytes(StandardCharsets.UTF_8)), PublishCallback.NONE);
			assertThat(Deliveries.text(Deliveries.next(early, WAIT))).isEqualTo("two");
			assertThat(Deliveries.text(Deliveries.next(late, WAIT))).isEqualTo("two");
			assertThat(late.poll(300, TimeUnit.MILLISECONDS)).isNull();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void writesThePayloadAndEachHeaderAsFields() throws Exception {
		try (RedisTransport transport = connected()) {
			String topic = stream("fields");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, received, WAIT);
			transport.publish(new TransportMessage(topic, "{\"n\":1}".getBytes(StandardCharsets.UTF_8),
					Map.of("x-tenant", "acme"), null, null), PublishCallback.NONE);
			Deliveries.next(received, WAIT);
			List<?> entries = (List<?>) this.probe.command("XRANGE", topic, "-", "+");
			assertThat((List<Object>) ((List<?>) entries.get(0)).get(1)).containsExactly("payload", "{\"n\":1}",
					"h:x-tenant", "acme");
		}
	}

	@Test
	void readsEntriesThatApplicationsWrite() throws Exception {
		try (RedisTransport transport = connected()) {
			String topic = stream("foreign");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, received, WAIT);
			this.probe.command("XADD", topic, "*", "orderId", "42", "note", "say \"hi\"", "h:x-trace", "t-1");
			this.probe.command("XADD", topic, "*", "type", "OrderPaid", "payload", "{\"orderId\":42}");
			TransportMessage fields = Deliveries.next(received, WAIT);
			TransportMessage payload = Deliveries.next(received, WAIT);
			assertThat(Deliveries.text(fields)).isEqualTo("{\"orderId\":\"42\",\"note\":\"say \\\"hi\\\"\"}");
			assertThat(fields.headers()).isEqualTo(Map.of("x-trace", "t-1"));
			assertThat(Deliveries.text(payload)).isEqualTo("{\"orderId\":42}");
			assertThat(payload.headers()).isEqualTo(Map.of("type", "OrderPaid"));
		}
	}

	@Test
	void readsThePayloadFromAConfiguredField() throws Exception {
		try (RedisTransport transport = RedisTransport.builder("redis://127.0.0.1:6379")
			.mode(RedisMode.STREAMS)
			.payloadField("body")
			.build()) {
			transport.connect(TransportListener.NONE);
			String topic = stream("body");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, received, WAIT);
			this.probe.command("XADD", topic, "*", "body", "{\"ok\":true}");
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("{\"ok\":true}");
		}
	}

	@Test
	void correlatesByAHeaderThatTravelsAsAField() {
		try (Harness harness = Harness.builder(connected())
			.correlation(CorrelationPolicy.header("x-correlation-id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("header")) {
			String topic = stream("header");
			String id = java.util.Objects.requireNonNull(scenario.correlationId());
			Handle handle = scenario.expect(topic, headerEquals("x-correlation-id", id));
			scenario.publish(topic, OutboundMessage.of(Map.of("n", 1)).withHeader("x-correlation-id", "someone-else"));
			scenario.publish(topic, Map.of("n", 2)).awaitAll(WAIT).assertPassed();
			assertThat(handle.message()).isEqualTo(Map.of("n", 2));
			assertThat(handle.attempts()).isZero();
		}
	}

	@Test
	void usesTheDatabaseOfTheUrl() throws Exception {
		try (RedisTransport transport = RedisTransport.builder("redis://127.0.0.1:6379/1")
			.mode(RedisMode.STREAMS)
			.build()) {
			transport.connect(TransportListener.NONE);
			String topic = stream("database");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, received, WAIT);
			RedisProbe.on(6379, "SELECT", "1").command("XADD", topic, "*", "payload", "in-db-1");
			transport.publish(TransportMessage.of(topic, "from-choreo".getBytes(StandardCharsets.UTF_8)),
					PublishCallback.NONE);
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("in-db-1");
			assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("from-choreo");
			assertThat(RedisProbe.on(6379, "SELECT", "1").number("XLEN", topic)).isEqualTo(2);
			assertThat(this.probe.number("EXISTS", topic)).isZero();
			RedisProbe.on(6379, "SELECT", "1").command("DEL", topic);
		}
	}

	@Test
	void carriesAOneMebibytePayloadWithHeaders() throws Exception {
		try (RedisTransport transport = connected()) {
			String topic = stream("large");
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Deliveries.subscribe(transport, topic, received, WAIT);
			byte[] large = new byte[1024 * 1024];
			for (int i = 0; i < large.length; i++) {
				large[i] = (byte) (i * 17);
			}
			transport.publish(new TransportMessage(topic, large, Map.of("x-size", "1MiB"), null, null),
					PublishCallback.NONE);
			TransportMessage message = Deliveries.next(received, WAIT);
			assertThat(message.payload()).isEqualTo(large);
			assertThat(message.headers()).isEqualTo(Map.of("x-size", "1MiB"));
		}
	}

	@Test
	void holdsABlockedReadOnlyWhileItHasSubscriptions() throws Exception {
		try (RedisTransport transport = connected()) {
			assertThat(this.probe.blockedStreamReaders(CLIENT_NAME)).isZero();
			Subscription first = Deliveries.subscribe(transport, stream("blocked"), new LinkedBlockingQueue<>(), WAIT);
			Subscription second = Deliveries.subscribe(transport, stream("blocked"), new LinkedBlockingQueue<>(), WAIT);
			assertThat(Waits.until(WAIT, () -> this.probe.blockedStreamReaders(CLIENT_NAME) == 1)).isTrue();
			first.unsubscribe();
			second.unsubscribe();
			assertThat(Waits.until(WAIT, () -> this.probe.blockedStreamReaders(CLIENT_NAME) == 0)).isTrue();
			assertThat(transport.isConnected()).isTrue();
		}
	}

	@Test
	void worksOverAnApplicationLettuceFactoryAndLeavesItUsable() throws Exception {
		LettuceConnectionFactory application = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		application.afterPropertiesSet();
		application.start();
		try {
			roundTrips(application, 20);
			try (RedisConnection connection = application.getConnection()) {
				assertThat(connection.ping()).isEqualTo("PONG");
			}
		}
		finally {
			application.destroy();
		}
	}

	@Test
	void worksOverAJedisFactory() throws Exception {
		JedisConnectionFactory jedis = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		jedis.afterPropertiesSet();
		jedis.start();
		try {
			roundTrips(jedis, 20);
		}
		finally {
			jedis.destroy();
		}
	}

	private void roundTrips(RedisConnectionFactory factory, int times) throws Exception {
		try (RedisTransport transport = RedisTransport.builder(factory)
			.endpoints("127.0.0.1:6379")
			.mode(RedisMode.STREAMS)
			.build()) {
			transport.connect(TransportListener.NONE);
			List<String> seen = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				String topic = stream("factory");
				BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
				Deliveries.subscribe(transport, topic, received, WAIT);
				this.probe.command("XADD", topic, "*", "payload", "n" + i);
				seen.add(Deliveries.text(Deliveries.next(received, WAIT)));
			}
			assertThat(seen).hasSize(times).allMatch((text) -> text.startsWith("n"));
		}
	}

	@Test
	void passesAScenarioWithAReplyOverStreams() {
		try (Harness harness = Harness.builder(connected())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("reply")) {
			String request = stream("request");
			String reply = stream("reply");
			scenario.on(request, fieldEquals("kind", "check")).publish(reply, (message) -> Map.of("ok", true));
			scenario.expect(reply, fieldEquals("ok", true));
			scenario.publish(request, Map.of("kind", "check")).awaitAll(WAIT).assertPassed();
		}
	}

}

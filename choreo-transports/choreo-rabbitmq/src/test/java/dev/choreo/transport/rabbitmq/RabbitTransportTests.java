package dev.choreo.transport.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Deliveries;
import dev.choreo.transport.tck.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the RabbitMQ transport does beyond the shared contract, on the test machine's
 * broker: wildcard routing keys, properties as headers both ways, queue and exchange
 * topics, and publisher confirms.
 */
class RabbitTransportTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private RabbitTransport transport;

	private Connection probe;

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void connect() throws Exception {
		RabbitBroker.require();
		this.transport = RabbitTransport.builder(RabbitBroker.URI).build();
		this.transport.connect(TransportListener.NONE);
		this.probe = RabbitBroker.connect();
	}

	@AfterEach
	void close() throws Exception {
		this.transport.close();
		this.probe.close();
	}

	@Test
	void routesWildcardSubscriptionsAndNamesTheActualRoutingKey() throws Exception {
		String base = "choreo.wild." + this.id;
		BlockingQueue<TransportMessage> oneWord = subscribe(base + ".*");
		BlockingQueue<TransportMessage> anyWords = subscribe(base + ".#");
		assertThat(publish(base + ".a", "one")).isEqualTo("sent");
		assertThat(publish(base + ".a.b", "two")).isEqualTo("sent");
		assertThat(Deliveries.next(anyWords, WAIT).topic()).isEqualTo(base + ".a");
		assertThat(Deliveries.next(anyWords, WAIT).topic()).isEqualTo(base + ".a.b");
		TransportMessage only = Deliveries.next(oneWord, WAIT);
		assertThat(only.topic()).isEqualTo(base + ".a");
		assertThat(Deliveries.text(only)).isEqualTo("one");
		assertThat(oneWord.poll(500, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void writesHeadersCorrelationIdContentTypeAndReplyAddressAsAmqpProperties() throws Exception {
		String topic = "choreo.out." + this.id;
		Channel channel = this.probe.createChannel();
		String queue = channel.queueDeclare().getQueue();
		channel.queueBind(queue, "amq.topic", topic);
		Map<String, String> headers = Map.of("x-tenant", "acme", RabbitTransport.CORRELATION_ID_HEADER, "c-1",
				RabbitTransport.CONTENT_TYPE_HEADER, "application/json");
		assertThat(publish(new TransportMessage(topic, bytes("{}"), headers, null, "orders.replies")))
			.isEqualTo("sent");
		AMQP.BasicProperties properties = get(channel, queue).getProps();
		assertThat(properties.getHeaders()).hasSize(1);
		assertThat(String.valueOf(properties.getHeaders().get("x-tenant"))).isEqualTo("acme");
		assertThat(properties.getCorrelationId()).isEqualTo("c-1");
		assertThat(properties.getContentType()).isEqualTo("application/json");
		assertThat(properties.getReplyTo()).isEqualTo("amq.topic/orders.replies");
	}

	@Test
	void readsAmqpPropertiesAsHeadersAndTheReplyAddressAsATopic() throws Exception {
		String topic = "choreo.in." + this.id;
		BlockingQueue<TransportMessage> received = subscribe(topic);
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
			.headers(Map.of("x-count", 7, "x-name", "seven"))
			.correlationId("c-2")
			.contentType("text/plain")
			.replyTo("replies-" + this.id)
			.build();
		Channel channel = this.probe.createChannel();
		channel.basicPublish("amq.topic", topic, properties, bytes("in"));
		TransportMessage message = Deliveries.next(received, WAIT);
		assertThat(message.topic()).isEqualTo(topic);
		assertThat(message.headers()).isEqualTo(Map.of("x-count", "7", "x-name", "seven",
				RabbitTransport.CORRELATION_ID_HEADER, "c-2", RabbitTransport.CONTENT_TYPE_HEADER, "text/plain"));
		assertThat(message.replyTo()).isEqualTo("queue:replies-" + this.id);
		assertThat(message.key()).isNull();
	}

	@Test
	void publishesAQueueTopicStraightToTheQueue() throws Exception {
		Channel channel = this.probe.createChannel();
		String queue = channel.queueDeclare().getQueue();
		assertThat(publish("queue:" + queue, "direct")).isEqualTo("sent");
		assertThat(new String(get(channel, queue).getBody(), StandardCharsets.UTF_8)).isEqualTo("direct");
	}

	@Test
	void subscribesAndDeliversOnAnotherExchange() throws Exception {
		String topic = "exchange:amq.direct/choreo.direct." + this.id;
		BlockingQueue<TransportMessage> received = subscribe(topic);
		assertThat(publish(topic, "elsewhere")).isEqualTo("sent");
		TransportMessage message = Deliveries.next(received, WAIT);
		assertThat(message.topic()).isEqualTo(topic);
		assertThat(Deliveries.text(message)).isEqualTo("elsewhere");
	}

	@Test
	void refusesToSubscribeToAQueueTopic() {
		assertThat(this.transport.subscribe("queue:orders", (message) -> {
		}).toCompletableFuture()).failsWithin(WAIT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(TransportException.class)
			.withMessage("RabbitMQ cannot subscribe to 'queue:orders': a queue: topic sends straight to a queue;"
					+ " subscribe to a routing key instead");
	}

	@Test
	void confirmsAPublishNoQueueIsBoundFor() throws Exception {
		assertThat(publish("choreo.nobody." + this.id, "unroutable")).isEqualTo("sent");
	}

	@Test
	void reportsAMessageTheBrokerRefusesAsAnError() throws Exception {
		String topic = "choreo.full." + this.id;
		Channel channel = this.probe.createChannel();
		String queue = channel
			.queueDeclare("", false, true, true, Map.of("x-max-length", 0, "x-overflow", "reject-publish"))
			.getQueue();
		channel.queueBind(queue, "amq.topic", topic);
		assertThat(publish(topic, "rejected")).isEqualTo("error: RabbitMQ refused the message published to '" + topic
				+ "' (basic.nack: a queue it was routed to rejects new messages, or the broker failed)");
	}

	@Test
	void reportsAChannelTheBrokerClosesAsAnErrorAndPublishesAgainAfterwards() throws Exception {
		String missing = "exchange:choreo.missing." + this.id + "/key";
		assertThat(publish(missing, "lost"))
			.startsWith("error: RabbitMQ publish to '" + missing + "' is not confirmed:")
			.contains("NOT_FOUND - no exchange 'choreo.missing." + this.id + "'");
		String topic = "choreo.again." + this.id;
		BlockingQueue<TransportMessage> received = subscribe(topic);
		assertThat(publish(topic, "again")).isEqualTo("sent");
		assertThat(Deliveries.text(Deliveries.next(received, WAIT))).isEqualTo("again");
	}

	@Test
	void declaresAnExchangeOfItsOwnAndRoutesThroughIt() throws Exception {
		String exchange = "choreo.test." + this.id;
		RabbitTransport own = RabbitTransport.builder(RabbitBroker.URI).exchange(exchange).build();
		Channel channel = this.probe.createChannel();
		try {
			own.connect(TransportListener.NONE);
			channel.exchangeDeclarePassive(exchange);
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			own.subscribe("orders.*", received::add).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			channel.basicPublish(exchange, "orders.created", null, bytes("through"));
			TransportMessage message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(message).isNotNull();
			assertThat(message.topic()).isEqualTo("orders.created");
		}
		finally {
			own.close();
			channel.exchangeDelete(exchange);
		}
	}

	@Test
	void failsToConnectWhenTheExchangeExistsWithAnotherType() throws Exception {
		String exchange = "choreo.direct." + this.id;
		Channel channel = this.probe.createChannel();
		channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, false, true, null);
		RabbitTransport own = RabbitTransport.builder(RabbitBroker.URI).exchange(exchange).build();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> own.connect(TransportListener.NONE))
			.withMessageStartingWith(
					"Could not connect to RabbitMQ at 'amqp://127.0.0.1:5672' (connect timeout 5000ms):"
							+ " PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'choreo.direct." + this.id
							+ "'");
		assertThat(own.isConnected()).isFalse();
	}

	@Test
	void deletesTheQueueOfASubscriptionOnUnsubscribe() throws Exception {
		String topic = "choreo.gone." + this.id;
		Subscription subscription = this.transport.subscribe(topic, (message) -> {
		}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		String queue = this.transport.queues().get(0);
		assertThat(queue).startsWith("choreo.");
		assertThat(RabbitBroker.rabbitmqctl("list_queues", "-s", "name", "exclusive", "auto_delete", "durable",
				"consumers"))
			.contains(queue + "\ttrue\ttrue\tfalse\t1");
		assertThat(RabbitBroker.queuesBoundTo("amq.topic", topic)).isOne();
		subscription.unsubscribe();
		assertThat(this.transport.queues()).isEmpty();
		assertThat(RabbitBroker.queuesBoundTo("amq.topic", topic)).isZero();
		assertThat(RabbitBroker.rabbitmqctl("list_queues", "-s", "name")).doesNotContain(queue);
	}

	@Test
	void tellsItsListenerNothingWhenItClosesItself() throws Exception {
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		RabbitTransport own = RabbitTransport.builder(RabbitBroker.URI).build();
		own.connect(new TransportListener() {

			@Override
			public void connectionLost(String description, @Nullable Throwable cause) {
				events.add("lost");
			}

			@Override
			public void connectionRestored() {
				events.add("restored");
			}

		});
		own.subscribe("choreo.quiet." + this.id, (message) -> {
		}).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		own.close();
		assertThat(events.poll(500, TimeUnit.MILLISECONDS)).isNull();
		assertThat(own.isConnected()).isFalse();
	}

	private BlockingQueue<TransportMessage> subscribe(String topic) throws Exception {
		BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
		this.transport.subscribe(topic, received::add).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		return received;
	}

	private String publish(String topic, String text) throws Exception {
		return publish(TransportMessage.of(topic, bytes(text)));
	}

	private String publish(TransportMessage message) throws Exception {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		this.transport.publish(message, new PublishCallback() {

			@Override
			public void onSent() {
				outcome.complete("sent");
			}

			@Override
			public void onError(Throwable error) {
				outcome.complete("error: " + error.getMessage());
			}

		});
		return outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private static GetResponse get(Channel channel, String queue) {
		GetResponse[] response = new GetResponse[1];
		assertThat(Waits.until(WAIT, () -> (response[0] = basicGet(channel, queue)) != null)).isTrue();
		return response[0];
	}

	private static @Nullable GetResponse basicGet(Channel channel, String queue) {
		try {
			return channel.basicGet(queue, true);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

package dev.choreo.transport.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.choreo.Harness;
import dev.choreo.ReplyReportState;
import dev.choreo.Scenario;
import dev.choreo.ScenarioResult;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport on an application's own connection factory and template, as a Spring
 * service would have them: the factory stays the application's, and requests sent with
 * {@code RabbitTemplate.convertSendAndReceive} are answered.
 */
class RabbitApplicationFactoryTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private CachingConnectionFactory application;

	private final List<RabbitTemplate> templates = new ArrayList<>();

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void createApplicationFactory() {
		RabbitBroker.require();
		this.application = new CachingConnectionFactory("127.0.0.1", 5672);
	}

	@AfterEach
	void destroyApplicationFactory() {
		this.templates.forEach(RabbitTemplate::stop);
		this.application.destroy();
	}

	private RabbitTemplate template() {
		RabbitTemplate template = new RabbitTemplate(this.application);
		template.setReplyTimeout(WAIT.toMillis());
		this.templates.add(template);
		return template;
	}

	@Test
	void worksOnTheApplicationsConnectionAndLeavesItOpenWithoutItsQueues() {
		Connection connection = this.application.createConnection();
		String topic = "choreo.app." + this.id;
		try (Harness harness = Harness.builder(RabbitTransport.builder(this.application).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("app")) {
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(WAIT).assertPassed();
			assertThat(RabbitBroker.queuesBoundTo("amq.topic", topic)).isOne();
		}
		assertThat(connection.isOpen()).isTrue();
		assertThat(this.application.createConnection().getDelegate()).isSameAs(connection.getDelegate());
		assertThat(RabbitBroker.queuesBoundTo("amq.topic", topic)).isZero();
	}

	@Test
	void usesTheConnectionFactoryOfATemplate() {
		RabbitTemplate template = template();
		String topic = "choreo.template." + this.id;
		try (Harness harness = Harness.builder(RabbitTransport.builder(template).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("template")) {
			scenario.expect(topic, fieldEquals("n", 1));
			scenario.trigger(() -> template.convertAndSend("amq.topic", topic,
					bytes("{\"n\":1,\"correlation_id\":\"" + scenario.correlationId() + "\"}")));
			scenario.awaitAll(WAIT).assertPassed();
		}
	}

	@Test
	void respondAnswersATemplateSendAndReceiveRequest() {
		RabbitTemplate template = template();
		String topic = "choreo.fraud.check." + this.id;
		AtomicReference<Object> reply = new AtomicReference<>();
		try (Harness harness = Harness.builder(RabbitTransport.builder(RabbitBroker.URI).build())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("respond")) {
			scenario.on(topic, fieldEquals("kind", "check")).respond(Map.of("decision", "APPROVE"));
			String request = "{\"kind\":\"check\",\"correlation_id\":\"" + scenario.correlationId() + "\"}";
			ScenarioResult result = scenario
				.trigger(() -> reply.set(template.convertSendAndReceive("amq.topic", topic, bytes(request))))
				.awaitAll(WAIT);
			assertThat(result.replyAt(topic).state()).isEqualTo(ReplyReportState.REPLIED);
			assertThat(reply.get()).isInstanceOf(byte[].class);
			assertThat(JsonMapper.shared().readValue((byte[]) reply.get(), Map.class))
				.isEqualTo(Map.of("decision", "APPROVE", "correlation_id", scenario.correlationId()));
		}
	}

	@Test
	void exposesADirectReplyToAddressAndTheRequestsCorrelationId() throws Exception {
		RabbitTemplate template = template();
		String topic = "choreo.ping." + this.id;
		try (RabbitTransport transport = RabbitTransport.builder(RabbitBroker.URI).build()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<TransportMessage> requests = new LinkedBlockingQueue<>();
			transport.subscribe(topic, requests::add).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			CompletableFuture<Object> reply = CompletableFuture
				.supplyAsync(() -> template.convertSendAndReceive("amq.topic", topic, bytes("ping")));
			TransportMessage request = requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(request).isNotNull();
			assertThat(request.replyTo()).startsWith("queue:amq.rabbitmq.reply-to.");
			assertThat(request.headers()).containsKey(RabbitTransport.CORRELATION_ID_HEADER);
			transport.publish(
					new TransportMessage(request.replyTo(), bytes("pong"), transport.replyHeaders(request), null, null),
					PublishCallback.NONE);
			assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(bytes("pong"));
		}
	}

	@Test
	void namesTheApplicationsBrokerWhenItCannotConnect() {
		int port = Brokers.freePort();
		CachingConnectionFactory unreachable = new CachingConnectionFactory("127.0.0.1", port);
		try {
			RabbitTransport transport = RabbitTransport.builder(unreachable).build();
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> transport.connect(TransportListener.NONE))
				.withMessageStartingWith("Could not connect to RabbitMQ at 'amqp://127.0.0.1:" + port + "': ")
				.withMessageContaining("Connection refused");
			assertThat(transport.isConnected()).isFalse();
		}
		finally {
			unreachable.destroy();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

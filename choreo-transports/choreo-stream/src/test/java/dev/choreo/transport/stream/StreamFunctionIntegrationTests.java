package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.Waits;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Cloud Stream function application ({@code uppercase-in-0} to
 * {@code uppercase-out-0}) tested through the transport, on the binder a subclass starts
 * it with.
 */
abstract class StreamFunctionIntegrationTests {

	static final Duration DEADLINE = Duration.ofSeconds(30);

	static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	static final String INPUT = "choreo.upper.in." + SUFFIX;

	static final String OUTPUT = "choreo.upper.out." + SUFFIX;

	/** Binds the function to explicit destinations, in a group so no input is lost. */
	static final String[] FUNCTION_PROPERTIES = { "spring.cloud.function.definition=uppercase",
			"spring.cloud.stream.bindings.uppercase-in-0.destination=" + INPUT,
			"spring.cloud.stream.bindings.uppercase-in-0.group=uppercase",
			"spring.cloud.stream.bindings.uppercase-out-0.destination=" + OUTPUT };

	abstract ConfigurableApplicationContext application();

	abstract int brokerResources(String destination);

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	StreamTransport transport() {
		return StreamTransport.builder(application()).build();
	}

	@Test
	void uppercasesWhatAScenarioPublishesOnTheInputDestination() {
		try (Harness harness = Harness.builder(transport()).build().connect();
				Scenario scenario = harness.scenario("uppercase")) {
			Handle handle = scenario.expect(OUTPUT, payloadContains(bytes("HELLO CHOREO")));
			scenario.publish(INPUT, OutboundMessage.of(bytes("hello choreo")).withHeader("contentType", "text/plain"))
				.awaitAll(DEADLINE)
				.assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void aStringPayloadReachesAFunctionOfStringAsText() {
		try (Harness harness = Harness.builder(transport()).build().connect();
				Scenario scenario = harness.scenario("text")) {
			Handle handle = scenario.expect(OUTPUT, payloadContains("HELLO TEXT \u00c9T\u00c9"));
			scenario.publish(INPUT, "hello text \u00e9t\u00e9").awaitAll(DEADLINE).assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void aMapPayloadReachesAFunctionOfStringAsJson() {
		try (Harness harness = Harness.builder(transport()).build().connect();
				Scenario scenario = harness.scenario("json")) {
			Handle handle = scenario.expect(OUTPUT, payloadContains("{\"WORD\":\"HELLO JSON\"}"));
			scenario.publish(INPUT, Map.of("word", "hello json")).awaitAll(DEADLINE).assertPassed();
			assertThat(handle.outcome()).isEqualTo(Outcome.PASS);
		}
	}

	@Test
	void unsubscribeUnbindsTheConsumerBinding() throws Exception {
		String topic = "choreo.unbind." + UUID.randomUUID().toString().substring(0, 8);
		try (StreamTransport transport = transport()) {
			transport.connect(TransportListener.NONE);
			BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
			Subscription subscription = transport.subscribe(topic, received::add)
				.toCompletableFuture()
				.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
			assertThat(brokerResources(topic)).as("broker resources while subscribed").isEqualTo(1);
			subscription.unsubscribe();
			assertThat(Waits.until(DEADLINE, () -> brokerResources(topic) == 0))
				.as("broker resources after unsubscribe")
				.isTrue();
			transport.publish(TransportMessage.of(topic, bytes("after")), PublishCallback.NONE);
			assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
		}
	}

	@Test
	void closeUnbindsOnlyTheTransportsOwnBindings() {
		StreamTransport transport = transport();
		transport.connect(TransportListener.NONE);
		transport.subscribe(OUTPUT, (message) -> {
		}).toCompletableFuture().join();
		transport.close();
		transport.close();
		assertThat(Waits.until(DEADLINE, () -> brokerResources(OUTPUT) == 0)).as("the transport's binding is gone")
			.isTrue();
		assertThat(brokerResources(INPUT)).as("the application's input binding is still there").isEqualTo(1);
		uppercasesWhatAScenarioPublishesOnTheInputDestination();
	}

}

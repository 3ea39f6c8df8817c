package dev.choreo.transport.stream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uppercase function application on the Kafka binder.
 */
class StreamKafkaFunctionIntegrationTests extends StreamFunctionIntegrationTests {

	private static KafkaBroker broker;

	private static ConfigurableApplicationContext application;

	@BeforeAll
	static void startTheApplication() {
		broker = KafkaBroker.start();
		application = StreamApplications.kafka(broker.bootstrapServers(), StreamApplications.Uppercase.class,
				FUNCTION_PROPERTIES);
	}

	@AfterAll
	static void closeTheApplication() {
		application.close();
		broker.close();
	}

	@Override
	ConfigurableApplicationContext application() {
		return application;
	}

	@Override
	int brokerResources(String destination) {
		return broker.groupsWithMembersOn(destination);
	}

	@Test
	void reportsAPublishTheBinderRefusesAsAnError() {
		// Kafka topic names allow letters, digits, '.', '_' and '-' only
		String refused = "not a topic!";
		try (StreamTransport transport = transport()) {
			transport.connect(TransportListener.NONE);
			CompletableFuture<String> outcome = new CompletableFuture<>();
			transport.publish(TransportMessage.of(refused, bytes("x")), new PublishCallback() {

				@Override
				public void onSent() {
					outcome.complete("sent");
				}

				@Override
				public void onError(Throwable error) {
					outcome.complete(error.getMessage());
				}

			});
			assertThat(outcome).succeedsWithin(DEADLINE)
				.asString()
				.startsWith("The StreamBridge could not send to '" + refused + "': ");
		}
	}

	@Test
	void endpointsAreTheBindersBrokers() {
		List<Endpoint> endpoints = transport().endpoints();
		assertThat(endpoints).isNotEmpty()
			.allSatisfy((endpoint) -> assertThat(endpoint.category()).isEqualTo(EndpointCategory.KAFKA))
			.extracting(Endpoint::value)
			.containsOnly(broker.bootstrapServers().split(","));
	}

	@Test
	void carriesKeysButNoReplyAddresses() {
		assertThat(transport().capabilities().keys()).isTrue();
		assertThat(transport().capabilities().replyTo()).isFalse();
		assertThat(transport().capabilities().broadcastFanout()).isTrue();
		assertThat(transport().capabilities().wildcards()).isFalse();
	}

}

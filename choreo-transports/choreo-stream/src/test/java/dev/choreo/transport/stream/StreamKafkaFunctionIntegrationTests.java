package dev.choreo.transport.stream;

import java.util.List;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
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

package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport without a broker: connect errors, the test binder, header conversion.
 */
class StreamTransportTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.cloud.function.definition=", "spring.jmx.enabled=false")
		.withUserConfiguration(StreamApplications.Minimal.class);

	@Test
	void connectSaysWhatToAddWhenTheApplicationHasNoSpringCloudStream() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			StreamTransport transport = StreamTransport.builder(context).build();
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> transport.connect(TransportListener.NONE))
				.withMessage("The application has no Spring Cloud Stream StreamBridge: add spring-cloud-stream and a"
						+ " binder (such as spring-cloud-stream-binder-kafka or spring-cloud-stream-binder-rabbit) to the"
						+ " application");
			assertThat(transport.isConnected()).isFalse();
		}
	}

	@Test
	void connectSaysWhatToConfigureWhenTheApplicationHasNoBinder() {
		this.runner.withClassLoader(new FilteredClassLoader(new ClassPathResource("META-INF/spring.binders")))
			.run((context) -> {
				StreamTransport transport = StreamTransport.builder(context).build();
				assertThatExceptionOfType(TransportException.class)
					.isThrownBy(() -> transport.connect(TransportListener.NONE))
					.withMessageStartingWith("No Spring Cloud Stream binder is available: add a binder to the"
							+ " application (such as spring-cloud-stream-binder-kafka or"
							+ " spring-cloud-stream-binder-rabbit) and, when it has several, set"
							+ " spring.cloud.stream.default-binder or StreamTransport.builder(context).binder(name) (");
				assertThat(transport.isConnected()).isFalse();
				assertThat(transport.endpoints()).isEmpty();
			});
	}

	@Test
	void connectNamesTheMissingBinderConfiguration() {
		this.runner.withPropertyValues("spring.cloud.stream.default-binder=kafka").run((context) -> {
			StreamTransport transport = StreamTransport.builder(context).binder("pulsar").build();
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> transport.connect(TransportListener.NONE))
				.withMessageStartingWith("No Spring Cloud Stream binder 'pulsar' is available");
		});
	}

	@Test
	void theTestBinderHasNoEndpointsAndCarriesNoKeys() {
		this.runner.withUserConfiguration(TestBinderApplication.class).run((context) -> {
			StreamTransport transport = StreamTransport.builder(context).build();
			assertThat(transport.endpoints()).isEmpty();
			assertThat(transport.capabilities().keys()).isFalse();
			transport.connect(TransportListener.NONE);
			assertThat(transport.isConnected()).isTrue();
			transport.close();
		});
	}

	@Test
	void kafkaEndpointsComeFromTheBinderBrokersWithoutABroker() {
		this.runner
			.withPropertyValues("spring.cloud.stream.default-binder=kafka",
					"spring.cloud.stream.kafka.binder.brokers=kafka-1.example:9093,kafka-2.example")
			.run((context) -> assertThat(StreamTransport.builder(context).build().endpoints())
				.extracting(Endpoint::toString)
				.containsExactly("Kafka broker kafka-1.example:9093", "Kafka broker kafka-2.example:9092"));
	}

	@Test
	void kafkaEndpointsComeFromTheBindersOwnEnvironment() {
		this.runner
			.withPropertyValues("spring.cloud.stream.binders.orders.type=kafka",
					"spring.cloud.stream.binders.orders.environment.spring.kafka.bootstrap-servers=orders.example:9092",
					"spring.cloud.stream.default-binder=orders")
			.run((context) -> assertThat(StreamTransport.builder(context).build().endpoints())
				.extracting(Endpoint::toString)
				.containsExactly("Kafka broker orders.example:9092"));
	}

	@Test
	void rabbitEndpointsComeFromTheApplicationsAddresses() {
		this.runner
			.withPropertyValues("spring.cloud.stream.default-binder=rabbit",
					"spring.rabbitmq.addresses=rabbit-1.example:5673,rabbit-2.example")
			.run((context) -> assertThat(StreamTransport.builder(context).build().endpoints())
				.extracting(Endpoint::toString)
				.containsExactly("RabbitMQ URL rabbit-1.example:5673", "RabbitMQ URL rabbit-2.example:5672"));
	}

	@Test
	void inboundHeadersAreStringsWithBytesDecodedAndFrameworkObjectsLeftOut() {
		MessageHeaders headers = MessageBuilder.withPayload(new byte[0])
			.setHeader("x-text", "acme")
			.setHeader("x-bytes", "\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8))
			.setHeader("x-number", 42)
			.setHeader("x-object", new Object())
			.build()
			.getHeaders();
		assertThat(StreamMessages.headers(headers))
			.isEqualTo(Map.of("x-text", "acme", "x-bytes", "\u00e9t\u00e9", "x-number", "42"));
	}

	@EnableTestBinder
	static class TestBinderApplication {

	}

}

package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.ConflictingAuthException;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Building a {@link KafkaTransport}: validation, endpoints, capabilities; no broker
 * needed.
 */
class KafkaTransportBuilderTests {

	@Test
	void refusesABootstrapListWithoutServers() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaTransport.builder(" , "))
			.withMessage("Kafka needs at least one bootstrap server, such as 127.0.0.1:9092; got ' , '");
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaTransport.builder(""))
			.withMessage("Kafka needs at least one bootstrap server, such as 127.0.0.1:9092; got ''");
	}

	@Test
	void refusesTimeoutsThatAreNotPositive() {
		KafkaTransport.Builder builder = KafkaTransport.builder("127.0.0.1:9092");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ZERO))
			.withMessage("connectTimeout must be positive, got PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1)))
			.withMessage("requestTimeout must be positive, got PT-1S");
	}

	@Test
	void refusesABlankClientIdPrefix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KafkaTransport.builder("127.0.0.1:9092").clientIdPrefix(" "))
			.withMessage("clientIdPrefix must not be blank");
	}

	@Test
	void refusesCredentialsInABootstrapServer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KafkaTransport.builder("kafka://choreo:s3cret@broker:9092").build())
			.withMessage("Kafka takes credentials through auth(...), not in a bootstrap server:"
					+ " kafka://<redacted>@broker:9092");
	}

	@Test
	void refusesCredentialsInABootstrapServerTogetherWithAuth() {
		assertThatExceptionOfType(ConflictingAuthException.class)
			.isThrownBy(() -> KafkaTransport.builder("kafka://choreo:s3cret@broker:9092")
				.auth(AuthResolver.of(KafkaAuth.saslPlain("choreo", "s3cret")))
				.build())
			.withMessageNotContaining("s3cret");
	}

	@Test
	void listsEachBootstrapServerAsAKafkaEndpoint() {
		KafkaTransport transport = KafkaTransport.builder("kafka://Broker-1:9092, 127.0.0.1:9093,,[::1]:9094").build();
		assertThat(transport.endpoints()).containsExactly(new Endpoint(EndpointCategory.KAFKA, "kafka://Broker-1:9092"),
				new Endpoint(EndpointCategory.KAFKA, "127.0.0.1:9093"),
				new Endpoint(EndpointCategory.KAFKA, "[::1]:9094"));
	}

	@Test
	void checksEveryBootstrapServerAgainstTheAllowlist() {
		Allowlist allowlist = Allowlist.builder().allow(EndpointCategory.KAFKA, "broker-1").build();
		allowlist.check(KafkaTransport.builder("kafka://Broker-1:9092").build().endpoints());
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist
				.check(KafkaTransport.builder("kafka://broker-1:9092,broker-2:9092").build().endpoints()))
			.satisfies(
					(ex) -> assertThat(ex.endpoint()).isEqualTo(new Endpoint(EndpointCategory.KAFKA, "broker-2:9092")));
	}

	@Test
	void readsTheBootstrapServersOfAnApplicationsFactory() {
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(
				Map.of("bootstrap.servers", List.of("a.example:9092", "b.example:9093")), new StringSerializer(),
				new StringSerializer());
		assertThat(KafkaTransport.builder(new KafkaTemplate<>(factory)).build().endpoints()).containsExactly(
				new Endpoint(EndpointCategory.KAFKA, "a.example:9092"),
				new Endpoint(EndpointCategory.KAFKA, "b.example:9093"));
		assertThat(KafkaTransport
			.builder(factory, new DefaultKafkaConsumerFactory<>(Map.of("bootstrap.servers", "c.example:9092")))
			.build()
			.endpoints()).containsExactly(new Endpoint(EndpointCategory.KAFKA, "c.example:9092"),
					new Endpoint(EndpointCategory.KAFKA, "a.example:9092"),
					new Endpoint(EndpointCategory.KAFKA, "b.example:9093"));
	}

	@Test
	void refusesAFactoryWithoutBootstrapServers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KafkaTransport.builder(new DefaultKafkaConsumerFactory<>(Map.of("group.id", "app"))))
			.withMessage("The consumer factory's configuration names no bootstrap servers (bootstrap.servers)");
	}

	@Test
	void refusesAFactoryThatDoesNotExposeItsConfiguration() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaTransport.builder(new OpaqueFactory()))
			.withMessage("The producer factory (" + OpaqueFactory.class.getName()
					+ ") does not expose its configuration; build the transport from bootstrap servers instead");
	}

	@Test
	void carriesHeadersKeysAndReplyAddressesButNoWildcards() {
		KafkaTransport transport = KafkaTransport.builder("127.0.0.1:9092").build();
		assertThat(transport.name()).isEqualTo("kafka");
		assertThat(transport.capabilities()).isEqualTo(new TransportCapabilities(true, true, false, true, true, true));
	}

	@Test
	void refusesToSubscribeOrPublishBeforeConnecting() {
		KafkaTransport transport = KafkaTransport.builder("127.0.0.1:9092").build();
		assertThat(transport.isConnected()).isFalse();
		assertThat(transport.subscribe("orders", (message) -> {
		}).toCompletableFuture()).failsWithin(Duration.ofSeconds(1))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(TransportException.class)
			.withMessage("The Kafka transport is not connected; cannot subscribe to 'orders'");
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> transport.publish(TransportMessage.of("orders", new byte[0]), PublishCallback.NONE))
			.withMessage("The Kafka transport is not connected; cannot publish to 'orders'");
	}

	@Test
	void showsNeitherCredentialsNorConfigurationInToString() {
		KafkaTransport transport = KafkaTransport.builder("kafka://127.0.0.1:9092")
			.auth(AuthResolver.of(KafkaAuth.saslPlain("choreo", "s3cret")))
			.clientProperties(Map.of("ssl.truststore.password", "trust-s3cret"))
			.build();
		assertThat(transport).hasToString("KafkaTransport[servers=[kafka://127.0.0.1:9092], connected=false]");
	}

	/**
	 * A producer factory that keeps its configuration to itself.
	 */
	static final class OpaqueFactory implements ProducerFactory<String, String> {

		@Override
		public Producer<String, String> createProducer() {
			throw new UnsupportedOperationException();
		}

	}

}

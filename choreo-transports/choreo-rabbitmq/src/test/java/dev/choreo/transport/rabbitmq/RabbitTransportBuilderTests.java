package dev.choreo.transport.rabbitmq;

import java.time.Duration;
import java.util.Map;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.ConflictingAuthException;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Building a {@link RabbitTransport}: what it refuses, with which message, and which
 * endpoints it reports before connecting.
 */
class RabbitTransportBuilderTests {

	@Test
	void refusesABlankUri() {
		assertThatIllegalArgumentException().isThrownBy(() -> RabbitTransport.builder(" "))
			.withMessage("RabbitMQ needs a broker URI, such as amqp://127.0.0.1:5672");
	}

	@Test
	void refusesAUriOfAnotherSchemeWithoutShowingItsCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> RabbitTransport.builder("http://user:pa55w0rd@rabbit"))
			.withMessage("Not a RabbitMQ URI: 'http://<redacted>@rabbit'; use amqp://host:port/vhost,"
					+ " or amqps://host:port/vhost for TLS");
	}

	@Test
	void refusesAUriWithoutAHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> RabbitTransport.builder("amqp:///vhost"))
			.withMessageStartingWith("Not a RabbitMQ URI: 'amqp:///vhost'");
	}

	@Test
	void namesTheBrokerWithTheDefaultAmqpPort() {
		assertThat(RabbitTransport.builder("amqp://Rabbit.example").build().endpoints())
			.containsExactly(new Endpoint(EndpointCategory.AMQP, "amqp://Rabbit.example:5672"));
	}

	@Test
	void namesATlsBrokerWithTheDefaultAmqpsPortAndItsVirtualHost() {
		assertThat(RabbitTransport.builder("AMQPS://rabbit.example/orders").build().endpoints())
			.containsExactly(new Endpoint(EndpointCategory.AMQP, "amqps://rabbit.example:5671/orders"));
	}

	@Test
	void leavesCredentialsOutOfItsEndpointsAndDescription() {
		RabbitTransport transport = RabbitTransport.builder("amqp://app:pa55w0rd@127.0.0.1:5673/vh?heartbeat=5")
			.build();
		assertThat(transport.endpoints())
			.containsExactly(new Endpoint(EndpointCategory.AMQP, "amqp://127.0.0.1:5673/vh"));
		assertThat(transport)
			.hasToString("RabbitTransport[uri=amqp://127.0.0.1:5673/vh, exchange=amq.topic, connected=false]");
	}

	@Test
	void passesTheLoopbackAllowlistOnTheDefaultPort() {
		assertThatNoException().isThrownBy(() -> Allowlist.builder()
			.allow(EndpointCategory.AMQP, "localhost:5672")
			.allowLoopback(false)
			.build()
			.check(RabbitTransport.builder("amqp://localhost").build().endpoints()));
	}

	@Test
	void refusesCredentialsInTheUriTogetherWithAnAuthResolver() {
		RabbitTransport.Builder builder = RabbitTransport.builder("amqp://app:pa55w0rd@rabbit.example")
			.auth(AuthResolver.of(RabbitAuth.userPassword("app", "other")));
		assertThatExceptionOfType(ConflictingAuthException.class).isThrownBy(builder::build)
			.withMessageNotContaining("pa55w0rd");
	}

	@Test
	void namesEveryAddressOfAnApplicationsConnectionFactory() {
		CachingConnectionFactory factory = new CachingConnectionFactory();
		factory.setAddresses("rabbit-1.example:5673,rabbit-2.example");
		try {
			assertThat(RabbitTransport.builder(factory).build().endpoints()).containsExactly(
					new Endpoint(EndpointCategory.AMQP, "amqp://rabbit-1.example:5673"),
					new Endpoint(EndpointCategory.AMQP, "amqp://rabbit-2.example:5672"));
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void namesTheHostAndPortOfAnApplicationsTemplate() {
		CachingConnectionFactory factory = new CachingConnectionFactory("rabbit.example", 5680);
		try {
			RabbitTransport transport = RabbitTransport.builder(new RabbitTemplate(factory)).build();
			assertThat(transport.endpoints())
				.containsExactly(new Endpoint(EndpointCategory.AMQP, "amqp://rabbit.example:5680"));
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void refusesCredentialsAndTimeoutsForAnApplicationsConnectionFactory() {
		CachingConnectionFactory factory = new CachingConnectionFactory();
		try {
			RabbitTransport.Builder withAuth = RabbitTransport.builder(factory)
				.auth(AuthResolver.of(RabbitAuth.userPassword("app", "secret")));
			RabbitTransport.Builder withTimeout = RabbitTransport.builder(factory)
				.connectTimeout(Duration.ofSeconds(1));
			String message = "auth(...) and connectTimeout(...) configure the connection a RabbitTransport opens"
					+ " from a URI; an application's ConnectionFactory uses its own settings";
			assertThatIllegalStateException().isThrownBy(withAuth::build).withMessage(message);
			assertThatIllegalStateException().isThrownBy(withTimeout::build).withMessage(message);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void refusesABlankExchange() {
		assertThatIllegalArgumentException().isThrownBy(() -> RabbitTransport.builder(RabbitBroker.URI).exchange(""))
			.withMessage("The RabbitMQ exchange name must not be blank; to send straight to a queue, publish to"
					+ " 'queue:<name>'");
	}

	@Test
	void refusesANonPositiveConnectTimeout() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RabbitTransport.builder(RabbitBroker.URI).connectTimeout(Duration.ZERO))
			.withMessage("The connect timeout must be positive");
	}

	@Test
	void carriesHeadersWildcardsAndReplyAddressesButNoKeys() {
		assertThat(RabbitTransport.builder(RabbitBroker.URI).build().capabilities())
			.isEqualTo(new TransportCapabilities(true, false, true, true, true, true));
	}

	@Test
	void refusesToPublishBeforeConnecting() {
		RabbitTransport transport = RabbitTransport.builder(RabbitBroker.URI).build();
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> transport.publish(TransportMessage.of("orders", new byte[0]), PublishCallback.NONE))
			.withMessage("The RabbitMQ transport is not connected; cannot publish to 'orders'");
	}

	@Test
	void answersARequestWithItsCorrelationId() {
		RabbitTransport transport = RabbitTransport.builder(RabbitBroker.URI).build();
		TransportMessage request = new TransportMessage("queue:amq.rabbitmq.reply-to.abc", new byte[0],
				Map.of(RabbitTransport.CORRELATION_ID_HEADER, "42", "x-other", "y"), null, null);
		assertThat(transport.replyHeaders(request)).isEqualTo(Map.of(RabbitTransport.CORRELATION_ID_HEADER, "42"));
		assertThat(transport.replyHeaders(TransportMessage.of("orders", new byte[0]))).isEmpty();
	}

}

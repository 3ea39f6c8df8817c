package dev.choreo.junit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.rabbitmq.RabbitTransport;

/**
 * Builds the RabbitMQ transport from {@code choreo.rabbit.*}: a URI, a single address, or
 * a host, port and virtual host, with optional credentials. Loaded only when
 * {@code choreo-rabbitmq} is on the class path.
 */
final class RabbitTransports implements Broker.Transports {

	@Override
	public Transport transport(ChoreoSettings settings) {
		RabbitTransport.Builder builder = RabbitTransport.builder(uri(settings))
			.exchange(settings.string("choreo.rabbit.exchange", "amq.topic"))
			.connectTimeout(settings.duration("choreo.rabbit.connect-timeout", Duration.ofSeconds(5)));
		String user = settings.string("choreo.rabbit.username");
		String password = settings.string("choreo.rabbit.password");
		if (user != null && password != null) {
			builder.auth(AuthResolver.from(() -> RabbitAuth.userPassword(user, password)));
		}
		else if (user != null || password != null) {
			throw Credentials.incomplete("choreo.rabbit.username", user != null, "choreo.rabbit.password");
		}
		return builder.build();
	}

	private static String uri(ChoreoSettings settings) {
		String uri = settings.string("choreo.rabbit.uri");
		if (uri != null) {
			return uri;
		}
		String virtualHost = virtualHostPath(settings.string("choreo.rabbit.virtual-host", "/"));
		List<String> addresses = settings.list("choreo.rabbit.addresses");
		if (addresses.size() > 1) {
			throw new IllegalStateException(
					"choreo.rabbit.addresses (from " + settings.origin("choreo.rabbit.addresses") + ") names "
							+ addresses.size() + " brokers, but the RabbitMQ harness connects to one;"
							+ " name one address, or set choreo.rabbit.uri");
		}
		if (addresses.size() == 1) {
			String address = addresses.get(0);
			return address.contains("://") ? address : "amqp://" + address + virtualHost;
		}
		return "amqp://" + settings.string("choreo.rabbit.host", "localhost") + ":"
				+ settings.port("choreo.rabbit.port", 5672) + virtualHost;
	}

	private static String virtualHostPath(String virtualHost) {
		return virtualHost.equals("/") ? "" : "/" + URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
	}

}

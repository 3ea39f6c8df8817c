package dev.choreo.transport.rabbitmq;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.choreo.transport.SafeUrl;

/**
 * A checked {@code amqp://} or {@code amqps://} URI and its credential-free endpoint form
 * {@code scheme://host:port[/vhost]}, with the default port filled in.
 *
 * @param value the URI as configured, possibly with credentials
 * @param uri the parsed URI
 * @param tls whether the scheme is {@code amqps}
 * @param endpoint the URI without credentials and query, with an explicit port
 */
record BrokerUri(String value, URI uri, boolean tls, String endpoint) {

	static final int AMQP_PORT = 5672;

	static final int AMQPS_PORT = 5671;

	static BrokerUri parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("RabbitMQ needs a broker URI, such as amqp://127.0.0.1:5672");
		}
		String trimmed = value.trim();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalid(trimmed);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		String userInfo = uri.getRawUserInfo();
		if (!(scheme.equals("amqp") || scheme.equals("amqps")) || host == null || host.isEmpty()
				|| path.indexOf('/', 1) >= 0 || (userInfo != null && userInfo.split(":", -1).length > 2)) {
			throw invalid(trimmed);
		}
		boolean tls = scheme.equals("amqps");
		int port = (uri.getPort() != -1) ? uri.getPort() : (tls ? AMQPS_PORT : AMQP_PORT);
		return new BrokerUri(trimmed, uri, tls, scheme + "://" + host + ":" + port + path);
	}

	private static IllegalArgumentException invalid(String value) {
		return new IllegalArgumentException("Not a RabbitMQ URI: '" + SafeUrl.redact(value)
				+ "'; use amqp://host:port/vhost, or amqps://host:port/vhost for TLS");
	}

	@Override
	public String toString() {
		return this.endpoint;
	}

}

package dev.choreo.transport.rabbitmq;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.SocketConfigurator;
import com.rabbitmq.client.SocketConfigurators;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.transport.TransportException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Builds the connection factory the transport owns, from its URI and credentials, and
 * reads the addresses of an application's connection factory.
 */
final class RabbitFactories {

	private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

	private static final AtomicInteger threads = new AtomicInteger();

	private RabbitFactories() {
	}

	/**
	 * Create a caching connection factory (one shared connection) for the URI: TLS with
	 * host name verification for {@code amqps://}, the credentials applied and consumed,
	 * every step of opening the connection bounded by the timeout, and the client's own
	 * recovery off (the transport recovers itself).
	 * @throws TransportException if the credentials do not fit the URI
	 */
	static CachingConnectionFactory create(BrokerUri uri, Duration timeout, @Nullable RabbitAuth auth) {
		return create(uri, timeout, auth, null);
	}

	/**
	 * Create a caching connection factory as
	 * {@link #create(BrokerUri, Duration, RabbitAuth)} does; with a way to resolve the
	 * credentials again, a user and password are resolved anew for every connection the
	 * factory makes after its connection shut down.
	 * @throws TransportException if the credentials do not fit the URI
	 */
	static CachingConnectionFactory create(BrokerUri uri, Duration timeout, @Nullable RabbitAuth auth,
			@Nullable Supplier<@Nullable RabbitAuth> again) {
		com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
		ResolvingCredentials resolving = null;
		rabbit.setAutomaticRecoveryEnabled(false);
		rabbit.setExceptionHandler(new QuietExceptionHandler());
		try {
			if (uri.tls()) {
				useTls(rabbit, auth);
			}
			else if (auth != null && auth.hasTls()) {
				throw new TransportException(
						"RabbitMQ credentials with TLS settings need an amqps:// URI; got '" + uri.endpoint() + "'");
			}
			setUri(rabbit, uri);
			if (auth != null && again != null && auth.kind() != RabbitAuth.Kind.EXTERNAL) {
				resolving = new ResolvingCredentials(auth, again);
				rabbit.setCredentialsProvider(resolving);
			}
			else if (auth != null) {
				applyCredentials(rabbit, auth);
			}
		}
		finally {
			if (auth != null) {
				auth.consume();
			}
		}
		int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		rabbit.setConnectionTimeout(millis);
		rabbit.setHandshakeTimeout(millis);
		rabbit.setChannelRpcTimeout((int) RPC_TIMEOUT.toMillis());
		CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
		factory.setConnectionNameStrategy((connectionFactory) -> "choreo");
		factory.setConnectionThreadFactory(RabbitFactories::newThread);
		if (resolving != null) {
			factory.addConnectionListener(resolving);
		}
		return factory;
	}

	private static Thread newThread(Runnable task) {
		Thread thread = new Thread(task, "choreo-rabbit-" + threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	static ThreadFactory threadFactory(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	private static void useTls(com.rabbitmq.client.ConnectionFactory rabbit, @Nullable RabbitAuth auth) {
		SSLContext context;
		String hostname = null;
		if (auth != null && auth.hasTls()) {
			context = auth.tls().createSslContext();
			hostname = auth.tls().hostname();
		}
		else {
			try {
				context = SSLContext.getDefault();
			}
			catch (GeneralSecurityException ex) {
				throw new TransportException(
						"The JDK has no default TLS context for amqps:// (" + ex.getClass().getName() + ")");
			}
		}
		rabbit.useSslProtocol(context);
		rabbit.setSocketConfigurator(SocketConfigurators.defaultConfigurator().andThen(verifyHost(hostname)));
	}

	/**
	 * Verify the broker's certificate against the URI's host, or against the given host
	 * name, sent as the TLS server name (the JDK verifies the requested server name
	 * first).
	 */
	static SocketConfigurator verifyHost(@Nullable String hostname) {
		return (socket) -> {
			if (socket instanceof SSLSocket ssl) {
				SSLParameters parameters = ssl.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				if (hostname != null) {
					parameters.setServerNames(List.of(new SNIHostName(hostname)));
				}
				ssl.setSSLParameters(parameters);
			}
		};
	}

	private static void setUri(com.rabbitmq.client.ConnectionFactory rabbit, BrokerUri uri) {
		try {
			rabbit.setUri(uri.uri());
		}
		catch (URISyntaxException | GeneralSecurityException | RuntimeException ex) {
			throw new TransportException("Not a usable RabbitMQ URI: '" + uri.endpoint() + "'");
		}
	}

	private static void applyCredentials(com.rabbitmq.client.ConnectionFactory rabbit, RabbitAuth auth) {
		switch (auth.kind()) {
			case USER_PASSWORD, USER_PASSWORD_WITH_TLS -> {
				rabbit.setUsername(auth.user());
				char[] password = auth.password();
				try {
					rabbit.setPassword(new String(password));
				}
				finally {
					Arrays.fill(password, '\0');
				}
			}
			case EXTERNAL -> rabbit.setSaslConfig(DefaultSaslConfig.EXTERNAL);
		}
	}

	/**
	 * Return the endpoints of an application's connection factory: every configured
	 * address, or its host and port.
	 */
	static List<String> endpoints(ConnectionFactory factory) {
		boolean tls = factory instanceof AbstractConnectionFactory abstractFactory
				&& abstractFactory.getRabbitConnectionFactory().isSSL();
		String scheme = tls ? "amqps://" : "amqp://";
		int defaultPort = tls ? BrokerUri.AMQPS_PORT : BrokerUri.AMQP_PORT;
		List<String> endpoints = new ArrayList<>();
		for (Address address : addresses(factory)) {
			int port = (address.getPort() > 0) ? address.getPort() : defaultPort;
			endpoints.add(scheme + host(address.getHost()) + ":" + port);
		}
		if (endpoints.isEmpty()) {
			int port = (factory.getPort() > 0) ? factory.getPort() : defaultPort;
			String host = factory.getHost();
			endpoints.add(scheme + host((host != null) ? host : "localhost") + ":" + port);
		}
		return endpoints;
	}

	/**
	 * Read the addresses an {@link AbstractConnectionFactory} connects to; they are only
	 * exposed to subclasses.
	 */
	@SuppressWarnings("unchecked")
	private static List<Address> addresses(ConnectionFactory factory) {
		if (!(factory instanceof AbstractConnectionFactory)) {
			return List.of();
		}
		try {
			Method method = AbstractConnectionFactory.class.getDeclaredMethod("getAddresses");
			method.setAccessible(true);
			Object addresses = method.invoke(factory);
			return (addresses instanceof List<?> list) ? (List<Address>) list : List.of();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return List.of();
		}
	}

	private static String host(String host) {
		return (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

}

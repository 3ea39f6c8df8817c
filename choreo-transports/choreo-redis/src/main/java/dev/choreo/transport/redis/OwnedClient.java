package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Lettuce client a transport built from a URL creates for itself: its own
 * {@link ClientResources} (event loops, timer, event bus) and a
 * {@link LettuceConnectionFactory} over them, all shut down by {@link #close()}.
 * <p>
 * Lettuce reconnects on its own after a lost connection (retrying at most every second)
 * and resubscribes pub/sub channels; commands issued while it is disconnected are refused
 * at once rather than queued, so a publish during an outage fails instead of waiting.
 */
final class OwnedClient implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisTransport.class);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

	private final ClientResources resources;

	private final LettuceConnectionFactory factory;

	private final Login login;

	private OwnedClient(ClientResources resources, LettuceConnectionFactory factory, Login login) {
		this.resources = resources;
		this.factory = factory;
		this.login = login;
	}

	/**
	 * Create and start the client. Nothing connects until the first command.
	 * @param url the server
	 * @param login the credentials and TLS settings
	 * @param settings the transport's settings
	 * @return the client
	 */
	static OwnedClient start(RedisUrl url, Login login, RedisSettings settings) {
		DefaultClientResources.Builder resources = DefaultClientResources.builder()
			.ioThreadPoolSize(2)
			.computationThreadPoolSize(2)
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
		SSLContext sslContext = login.sslContext();
		if (sslContext != null) {
			String hostname = login.tlsHostname();
			String peer = (hostname != null) ? hostname : url.host();
			resources.nettyCustomizer(new TlsCustomizer(sslContext, peer, url.port(), settings.connectTimeout()));
		}
		ClientResources clientResources = resources.build();
		try {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(standalone(url),
					clientConfiguration(url, login, settings, clientResources));
			factory.afterPropertiesSet();
			factory.start();
			login.follow(factory.getRequiredNativeClient());
			return new OwnedClient(clientResources, factory, login);
		}
		catch (RuntimeException ex) {
			shutdown(clientResources);
			throw ex;
		}
	}

	private static RedisStandaloneConfiguration standalone(RedisUrl url) {
		RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(url.host(), url.port());
		standalone.setDatabase(url.database());
		return standalone;
	}

	private static LettuceClientConfiguration clientConfiguration(RedisUrl url, Login login, RedisSettings settings,
			ClientResources resources) {
		ClientOptions options = ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			// asynchronous commands (PUBLISH) time out like synchronous ones
			.timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
			.build();
		LettuceClientConfiguration.LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
			.clientResources(resources)
			.clientOptions(options)
			.commandTimeout(settings.commandTimeout())
			.shutdownTimeout(SHUTDOWN_TIMEOUT)
			.shutdownQuietPeriod(Duration.ZERO)
			.clientName(settings.clientName());
		if (login.hasPassword()) {
			builder.redisCredentialsProviderFactory(login.credentialsProviderFactory());
		}
		if (url.tls() || login.sslContext() != null) {
			builder.useSsl();
		}
		return builder.build();
	}

	LettuceConnectionFactory factory() {
		return this.factory;
	}

	ClientResources resources() {
		return this.resources;
	}

	@Override
	public void close() {
		try {
			this.factory.destroy();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not stop the Redis connection factory ({})", ex.getClass().getName());
		}
		shutdown(this.resources);
		this.login.clear();
	}

	private static void shutdown(ClientResources resources) {
		try {
			resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(SHUTDOWN_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug("Could not shut the Redis client resources down ({})", ex.getClass().getName());
		}
	}

}

package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.List;

import dev.choreo.Harness;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.ConflictingAuthException;
import dev.choreo.auth.RedisAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the builder accepts and refuses, and what a built transport tells before it
 * connects. No Redis server is needed.
 */
class RedisTransportBuilderTests {

	@Test
	void refusesABlankUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder(" "))
			.withMessage("Redis needs a URL, such as redis://127.0.0.1:6379");
	}

	@Test
	void refusesAMissingUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder((String) null))
			.withMessage("Redis needs a URL, such as redis://127.0.0.1:6379");
	}

	@Test
	void refusesAnotherScheme() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder("http://127.0.0.1:6379"))
			.withMessage("Redis URL 'http://127.0.0.1:6379' must start with redis:// or rediss://");
	}

	@Test
	void refusesAUrlWithoutHostAndHidesItsCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder("redis://user:s3cret@:6379"))
			.withMessage("Redis URL 'redis://<redacted>@:6379' names no host");
	}

	@Test
	void refusesAnInvalidPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder("redis://127.0.0.1:99999"))
			.withMessage("Redis URL 'redis://127.0.0.1:99999' has an invalid port '99999'");
	}

	@Test
	void refusesAnInvalidDatabase() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder("redis://127.0.0.1:6379/zero"))
			.withMessage(
					"Redis URL 'redis://127.0.0.1:6379/zero' has an invalid database 'zero'; use a number such as /0");
	}

	@Test
	void refusesAQueryRatherThanIgnoringIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisTransport.builder("redis://127.0.0.1?timeout=5"))
			.withMessage(
					"Redis URL 'redis://127.0.0.1?timeout=5' has a query or fragment; set options on the builder instead");
	}

	@Test
	void readsUserPasswordAndDatabaseFromTheUrl() {
		RedisUrl url = RedisUrl.parse("rediss://app%40team:p%3Ass@[::1]:6380/3");
		assertThat(url.tls()).isTrue();
		assertThat(url.host()).isEqualTo("::1");
		assertThat(url.port()).isEqualTo(6380);
		assertThat(url.database()).isEqualTo(3);
		assertThat(url.safe()).isEqualTo("rediss://<redacted>@[::1]:6380/3");
		assertThat(RedisUrl.parse("redis://localhost").port()).isEqualTo(6379);
	}

	@Test
	void refusesCredentialsInTheUrlTogetherWithAuth() {
		RedisTransport.Builder builder = RedisTransport.builder("redis://choreo:s3cret@127.0.0.1:6379")
			.auth(AuthResolver.of(RedisAuth.password("other")));
		assertThatExceptionOfType(ConflictingAuthException.class).isThrownBy(builder::build)
			.withMessage("the redis URL 'redis://127.0.0.1:6379' carries credentials and auth is configured as well; "
					+ "use one or the other");
	}

	@Test
	void namesTheUrlAsItsEndpointAndHidesItsCredentials() {
		RedisTransport transport = RedisTransport.builder("  redis://choreo:s3cret@127.0.0.1:6380/2 ").build();
		assertThat(transport.endpoints())
			.containsExactly(new Endpoint(EndpointCategory.REDIS, "redis://choreo:s3cret@127.0.0.1:6380/2"));
		assertThat(transport.endpoints().get(0)).hasToString("Redis URL redis://<redacted>@127.0.0.1:6380/2");
		assertThat(transport)
			.hasToString("RedisTransport[redis://<redacted>@127.0.0.1:6380/2, mode=PUB_SUB, " + "connected=false]");
	}

	@Test
	void passesTheAllowlistOnLoopbackOnly() {
		Allowlist allowlist = Allowlist.loopbackOnly();
		allowlist.check(RedisTransport.builder("redis://127.0.0.1").build().endpoints());
		allowlist.check(RedisTransport.builder("rediss://localhost:6380/1").build().endpoints());
		assertThatExceptionOfType(EndpointNotAllowedException.class).isThrownBy(
				() -> allowlist.check(RedisTransport.builder("redis://u:s3cret@cache.example.com").build().endpoints()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret"));
	}

	@Test
	void namesTheServerOfALettuceFactory() {
		LettuceConnectionFactory standalone = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6390));
		LettuceConnectionFactory ipv6 = new LettuceConnectionFactory(new RedisStandaloneConfiguration("::1", 6391));
		LettuceConnectionFactory cluster = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of("10.0.0.1:7000", "10.0.0.2:7001")));
		assertThat(RedisTransport.builder(standalone).build().endpoints()).extracting(Endpoint::value)
			.containsExactly("127.0.0.1:6390");
		assertThat(RedisTransport.builder(ipv6).build().endpoints()).extracting(Endpoint::value)
			.containsExactly("[::1]:6391");
		assertThat(RedisTransport.builder(cluster).build().endpoints()).extracting(Endpoint::value)
			.containsExactlyInAnyOrder("10.0.0.1:7000", "10.0.0.2:7001");
	}

	@Test
	void needsTheEndpointsOfAnyOtherFactory() {
		ForwardingConnectionFactory factory = new ForwardingConnectionFactory(
				new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379)));
		assertThatIllegalStateException().isThrownBy(() -> RedisTransport.builder(factory).build())
			.withMessage("Cannot tell which Redis server the " + ForwardingConnectionFactory.class.getName()
					+ " connects to; name it with endpoints(\"host:port\")");
		assertThat(RedisTransport.builder(factory).endpoints("127.0.0.1:6379").build().endpoints())
			.containsExactly(new Endpoint(EndpointCategory.REDIS, "127.0.0.1:6379"));
	}

	@Test
	void keepsOptionsOfItsOwnClientAwayFromAnApplicationFactory() {
		RedisTransport.Builder builder = RedisTransport
			.builder(new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379)));
		assertThatIllegalStateException().isThrownBy(() -> builder.auth(AuthResolver.of(RedisAuth.password("p"))))
			.withMessage("auth(...) applies to transports built from a URL; the application's RedisConnectionFactory "
					+ "brings its own credentials");
		assertThatIllegalStateException().isThrownBy(() -> builder.clientName("other"))
			.withMessage("clientName(...) applies to transports built from a URL; the application's "
					+ "RedisConnectionFactory brings its own client name");
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisTransport.builder("redis://127.0.0.1").endpoints("127.0.0.1:6379"))
			.withMessage(
					"endpoints(...) applies to transports built from a RedisConnectionFactory; the URL is the endpoint");
	}

	@Test
	void refusesInvalidOptions() {
		RedisTransport.Builder builder = RedisTransport.builder("redis://127.0.0.1");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.clientName("two words"))
			.withMessage("A Redis client name must be non-empty and without spaces");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.payloadField("h:payload"))
			.withMessage("The payload field must be non-blank and must not start with 'h:', which marks headers");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ZERO))
			.withMessage("connectTimeout must be positive, got PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.commandTimeout(Duration.ofSeconds(-1)))
			.withMessage("commandTimeout must be positive, got PT-1S");
	}

	@Test
	void saysWhatEachModeCarries() {
		RedisTransport pubSub = RedisTransport.builder("redis://127.0.0.1").build();
		RedisTransport streams = RedisTransport.builder("redis://127.0.0.1").mode(RedisMode.STREAMS).build();
		assertThat(pubSub.mode()).isEqualTo(RedisMode.PUB_SUB);
		assertThat(pubSub.capabilities()).isEqualTo(new TransportCapabilities(false, false, true, false, true, true));
		assertThat(streams.mode()).isEqualTo(RedisMode.STREAMS);
		assertThat(streams.capabilities()).isEqualTo(new TransportCapabilities(true, false, false, false, true, true));
	}

	@Test
	void refusesHeaderCorrelationInPubSubModeOnly() {
		RedisTransport pubSub = RedisTransport.builder("redis://127.0.0.1").build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Harness.builder(pubSub).correlation(CorrelationPolicy.header("x-correlation-id")).build())
			.withMessageContaining("carries no headers");
		RedisTransport streams = RedisTransport.builder("redis://127.0.0.1").mode(RedisMode.STREAMS).build();
		assertThat(Harness.builder(streams).correlation(CorrelationPolicy.header("x-correlation-id")).build())
			.isNotNull();
	}

	@Test
	void refusesToPublishOrSubscribeBeforeConnecting() {
		RedisTransport transport = RedisTransport.builder("redis://127.0.0.1").build();
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> transport.publish(TransportMessage.of("orders", new byte[0]), PublishCallback.NONE))
			.withMessage("The Redis transport is not connected; cannot publish to 'orders'");
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> transport.subscribe("orders", (message) -> {
			}))
			.withMessage("The Redis transport is not connected; cannot subscribe to 'orders'");
		transport.close();
		assertThat(transport.isConnected()).isFalse();
	}

	@Test
	void findsPatternsByTheirGlobCharacters() {
		assertThat(PubSubMessaging.isPattern("orders:*")).isTrue();
		assertThat(PubSubMessaging.isPattern("orders:?")).isTrue();
		assertThat(PubSubMessaging.isPattern("orders:[ab]")).isTrue();
		assertThat(PubSubMessaging.isPattern("orders.created")).isFalse();
	}

}

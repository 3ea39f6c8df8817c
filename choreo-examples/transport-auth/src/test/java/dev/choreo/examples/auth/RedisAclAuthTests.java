package dev.choreo.examples.auth;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.transport.redis.RedisTransport;
import org.junit.jupiter.api.Test;

import static dev.choreo.examples.auth.AuthBrokers.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis ACL user, on a redis-server whose default user is switched off.
 */
class RedisAclAuthTests {

	@Test
	void connectsAsAnAclUser() {
		RedisAuth auth = RedisAuth.acl(USER, AuthBrokers.REDIS_PASSWORD);
		RedisTransport transport = RedisTransport.builder(AuthBrokers.redisUrl())
			.connectTimeout(Duration.ofSeconds(5))
			.auth(AuthResolver.of(auth))
			.build();
		RoundTrips.roundTrip(transport, "orders:redis:", "redis as an ACL user");
		assertThat(auth.isConsumed()).as("credentials cleared after the connect").isTrue();
	}

	@Test
	void refusesAWrongPasswordWithoutSayingIt() {
		RedisTransport transport = RedisTransport.builder(AuthBrokers.redisUrl())
			.connectTimeout(Duration.ofSeconds(5))
			.auth(AuthResolver.of(RedisAuth.acl(USER, AuthBrokers.WRONG_PASSWORD)))
			.build();
		RoundTrips.assertRefusedWithoutTheSecret(transport, AuthBrokers.WRONG_PASSWORD);
	}

}

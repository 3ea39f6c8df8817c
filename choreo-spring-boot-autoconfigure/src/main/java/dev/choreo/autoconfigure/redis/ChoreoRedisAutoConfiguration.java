package dev.choreo.autoconfigure.redis;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.redis.RedisMode;
import dev.choreo.transport.redis.RedisTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of the {@code redisHarness}, over the application's
 * {@link RedisConnectionFactory} (the one Spring Boot builds from
 * {@code spring.data.redis.*} or a service connection). {@code choreo.redis.mode} chooses
 * pub/sub channels or streams as topics. The harness talks to Redis through Lettuce, so
 * it needs Lettuce on the class path (an application on Jedis adds {@code lettuce-core}
 * to its test dependencies).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(value = { RedisConnectionFactory.class, RedisTransport.class },
		name = "io.lettuce.core.RedisClient")
@ConditionalOnProperty(name = "choreo.redis.enabled", matchIfMissing = true)
public final class ChoreoRedisAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "redisHarness")
	@ConditionalOnBean(RedisConnectionFactory.class)
	Harness redisHarness(HarnessFactory harnesses, RedisConnectionFactory connectionFactory,
			ObjectProvider<DataRedisConnectionDetails> details, ChoreoProperties properties, Environment environment) {
		RedisTransport.Builder builder = RedisTransport.builder(connectionFactory)
			.mode((properties.getRedis().getMode() == ChoreoProperties.Redis.Mode.STREAMS) ? RedisMode.STREAMS
					: RedisMode.PUB_SUB);
		DataRedisConnectionDetails connection = details.getIfAvailable();
		if (!(connectionFactory instanceof LettuceConnectionFactory) && connection != null
				&& connection.getStandalone() != null) {
			builder.endpoints(connection.getStandalone().getHost() + ":" + connection.getStandalone().getPort());
		}
		return harnesses.connect("redis", builder.build(), configuredBy(environment, connection));
	}

	static String configuredBy(Environment environment, @Nullable DataRedisConnectionDetails details) {
		if (details != null && !details.getClass().getSimpleName().startsWith("Properties")) {
			return "a service connection (" + details.getClass().getSimpleName() + ")";
		}
		if (environment.containsProperty("spring.data.redis.url")) {
			return "spring.data.redis.url";
		}
		return "spring.data.redis.host and spring.data.redis.port";
	}

}

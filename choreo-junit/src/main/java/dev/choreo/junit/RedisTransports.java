package dev.choreo.junit;

import java.time.Duration;
import java.util.Locale;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.redis.RedisMode;
import dev.choreo.transport.redis.RedisTransport;

/**
 * Builds the Redis transport from {@code choreo.redis.*}. Loaded only when
 * {@code choreo-redis} is on the class path.
 */
final class RedisTransports implements Broker.Transports {

	@Override
	public Transport transport(ChoreoSettings settings) {
		RedisTransport.Builder builder = RedisTransport.builder(settings.string("choreo.redis.url", ""))
			.mode(mode(settings))
			.connectTimeout(settings.duration("choreo.redis.connect-timeout", Duration.ofSeconds(5)));
		String user = settings.string("choreo.redis.username");
		String password = settings.string("choreo.redis.password");
		if (user != null && password != null) {
			builder.auth(AuthResolver.from(() -> RedisAuth.acl(user, password)));
		}
		else if (user != null) {
			throw Credentials.incomplete("choreo.redis.username", true, "choreo.redis.password");
		}
		else if (password != null) {
			builder.auth(AuthResolver.from(() -> RedisAuth.password(password)));
		}
		return builder.build();
	}

	private static RedisMode mode(ChoreoSettings settings) {
		String mode = settings.string("choreo.redis.mode", "pubsub");
		return switch (mode.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
			case "pubsub" -> RedisMode.PUB_SUB;
			case "streams" -> RedisMode.STREAMS;
			default -> throw settings.invalid("choreo.redis.mode", mode, "pubsub or streams");
		};
	}

}

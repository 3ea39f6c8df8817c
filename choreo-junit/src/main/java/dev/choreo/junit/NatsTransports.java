package dev.choreo.junit;

import java.time.Duration;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.transport.Transport;
import dev.choreo.transport.nats.NatsTransport;

/**
 * Builds the NATS transport from {@code choreo.nats.*}. Loaded only when
 * {@code choreo-nats} is on the class path.
 */
final class NatsTransports implements Broker.Transports {

	@Override
	public Transport transport(ChoreoSettings settings) {
		NatsTransport.Builder builder = NatsTransport
			.builder(settings.list("choreo.nats.servers").toArray(String[]::new))
			.connectTimeout(settings.duration("choreo.nats.connect-timeout", Duration.ofSeconds(5)));
		String user = settings.string("choreo.nats.username");
		String password = settings.string("choreo.nats.password");
		String token = settings.string("choreo.nats.token");
		if (user != null && password != null) {
			builder.auth(AuthResolver.from(() -> NatsAuth.userPassword(user, password)));
		}
		else if (user != null || password != null) {
			throw Credentials.incomplete("choreo.nats.username", user != null, "choreo.nats.password");
		}
		else if (token != null) {
			builder.auth(AuthResolver.from(() -> NatsAuth.token(token)));
		}
		return builder.build();
	}

}

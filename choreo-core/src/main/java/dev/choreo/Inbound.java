package dev.choreo;

import dev.choreo.match.ReceivedMessage;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way from a transport to the interests that want it, decoded once into
 * a read-only value that every interest shares.
 *
 * @param message the message as the transport delivered it
 * @param decoded the payload decoded by the harness codec, read-only
 * @param correlationId the correlation id the message carries, or {@code null}
 * @param view the message as matchers see it
 */
record Inbound(TransportMessage message, @Nullable Object decoded, @Nullable String correlationId,
		ReceivedMessage view) {

	static Inbound of(TransportMessage message, @Nullable Object decoded, boolean owned,
			@Nullable String correlationId) {
		Object frozen = Payloads.freeze(decoded, owned);
		return new Inbound(message, frozen, correlationId,
				new ReceivedMessage(message.topic(), frozen, message.payload(), message.headers(), message.key()));
	}

	String topic() {
		return this.message.topic();
	}

}

package dev.choreo;

import dev.choreo.match.ReceivedMessage;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way from a transport to the interests that want it, decoded once.
 *
 * @param message the message as the transport delivered it
 * @param decoded the payload decoded by the harness codec
 * @param view the message as matchers see it
 */
record Inbound(TransportMessage message, @Nullable Object decoded, ReceivedMessage view) {

	static Inbound of(TransportMessage message, @Nullable Object decoded) {
		return new Inbound(message, decoded,
				new ReceivedMessage(message.topic(), decoded, message.payload(), message.headers(), message.key()));
	}

	String topic() {
		return this.message.topic();
	}

}

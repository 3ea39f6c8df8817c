package dev.choreo.transport.nats;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.TransportMessage;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts between NATS messages and transport messages, and hands inbound ones to their
 * handler.
 */
final class NatsMessages {

	private static final Logger logger = LoggerFactory.getLogger(NatsTransport.class);

	private NatsMessages() {
	}

	/**
	 * Hand a message to a handler on the dispatcher's thread. Whatever the handler throws
	 * is logged, and an interrupt it leaves behind is cleared, since either would stop
	 * the dispatcher.
	 * @param handler the handler
	 * @param message the message
	 */
	static void deliver(InboundHandler handler, Message message) {
		try {
			handler.onMessage(inbound(message));
		}
		catch (RuntimeException | Error ex) {
			logger.warn("A handler of NATS subject '{}' raised {}; delivery goes on", message.getSubject(),
					ex.getClass().getName());
		}
		finally {
			if (Thread.interrupted()) {
				logger.warn("A handler of NATS subject '{}' left its thread interrupted; the interrupt was cleared",
						message.getSubject());
			}
		}
	}

	static TransportMessage inbound(Message message) {
		byte[] data = message.getData();
		return new TransportMessage(message.getSubject(), (data != null) ? data : new byte[0], headers(message), null,
				message.getReplyTo());
	}

	private static Map<String, String> headers(Message message) {
		Headers headers = message.getHeaders();
		if (headers == null || headers.isEmpty()) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (String key : headers.keySet()) {
			String value = headers.getFirst(key);
			if (value != null) {
				result.put(key, value);
			}
		}
		return result;
	}

	static NatsMessage outbound(TransportMessage message) {
		NatsMessage.Builder builder = NatsMessage.builder().subject(message.topic()).data(message.payload());
		if (!message.headers().isEmpty()) {
			Headers headers = new Headers();
			message.headers().forEach(headers::put);
			builder.headers(headers);
		}
		if (message.replyTo() != null) {
			builder.replyTo(message.replyTo());
		}
		return builder.build();
	}

}

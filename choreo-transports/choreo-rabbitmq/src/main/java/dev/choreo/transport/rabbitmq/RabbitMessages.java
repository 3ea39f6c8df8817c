package dev.choreo.transport.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

/**
 * Turns transport messages into AMQP properties and deliveries back into transport
 * messages: the headers table as strings, {@code correlation_id} and {@code content_type}
 * as the headers {@value RabbitTransport#CORRELATION_ID_HEADER} and
 * {@value RabbitTransport#CONTENT_TYPE_HEADER}, {@code reply_to} as the reply address.
 */
final class RabbitMessages {

	private RabbitMessages() {
	}

	static AMQP.BasicProperties properties(TransportMessage message, Routing routing) {
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder();
		Map<String, Object> headers = new LinkedHashMap<>();
		message.headers().forEach((name, value) -> {
			switch (name) {
				case RabbitTransport.CORRELATION_ID_HEADER -> properties.correlationId(value);
				case RabbitTransport.CONTENT_TYPE_HEADER -> properties.contentType(value);
				default -> headers.put(name, value);
			}
		});
		if (!headers.isEmpty()) {
			properties.headers(headers);
		}
		String replyTo = message.replyTo();
		if (replyTo != null) {
			properties.replyTo(routing.replyAddress(replyTo));
		}
		return properties.build();
	}

	static TransportMessage inbound(Envelope envelope, AMQP.@Nullable BasicProperties properties,
			byte @Nullable [] body, Routing routing) {
		String topic = routing.topic(envelope.getExchange(), envelope.getRoutingKey());
		byte[] payload = (body != null) ? body : new byte[0];
		if (properties == null) {
			return new TransportMessage(topic, payload, Map.of(), null, null);
		}
		String replyTo = properties.getReplyTo();
		String replyTopic = (replyTo != null && !replyTo.isEmpty()) ? routing.replyTopic(replyTo) : null;
		return new TransportMessage(topic, payload, headers(properties), null, replyTopic);
	}

	private static Map<String, String> headers(AMQP.BasicProperties properties) {
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, Object> table = properties.getHeaders();
		if (table != null) {
			table.forEach((name, value) -> {
				if (value != null) {
					headers.put(name, text(value));
				}
			});
		}
		if (properties.getCorrelationId() != null) {
			headers.put(RabbitTransport.CORRELATION_ID_HEADER, properties.getCorrelationId());
		}
		if (properties.getContentType() != null) {
			headers.put(RabbitTransport.CONTENT_TYPE_HEADER, properties.getContentType());
		}
		return headers;
	}

	private static String text(Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return String.valueOf(value);
	}

}

package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.choreo.internal.Repr;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Turns transport messages into Spring messages for the {@code StreamBridge} and Spring
 * messages from a consumer binding back into transport messages.
 */
final class StreamMessages {

	private static final MimeType TEXT = new MimeType("text", "plain", StandardCharsets.UTF_8);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/** Spring's own message id and timestamp, not the broker's. */
	private static final Set<String> SPRING_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP);

	private StreamMessages() {
	}

	static Message<byte[]> outbound(TransportMessage message, BinderSupport support) {
		MessageBuilder<byte[]> builder = MessageBuilder.withPayload(message.payload());
		message.headers().forEach(builder::setHeader);
		builder.setHeader(MessageHeaders.CONTENT_TYPE, contentType(message).toString());
		support.outbound(message, builder);
		return builder.build();
	}

	/**
	 * Return the content type to send with: the message's {@code contentType} header when
	 * it has one, otherwise the type of the bytes, as the JSON codec wrote them:
	 * {@code application/json} for a JSON object or array (a map, a list, a record or a
	 * bean), {@code text/plain;charset=UTF-8} for other UTF-8 text (a {@code String}),
	 * and {@code application/octet-stream} for anything else, so a function that takes a
	 * {@code String} receives the text and one that takes a type receives it decoded.
	 */
	static MimeType contentType(TransportMessage message) {
		String contentType = message.headers().get(MessageHeaders.CONTENT_TYPE);
		return (contentType != null) ? MimeTypeUtils.parseMimeType(contentType) : contentType(message.payload());
	}

	static MimeType contentType(byte[] payload) {
		String text = Repr.text(payload);
		if (text == null) {
			return MimeTypeUtils.APPLICATION_OCTET_STREAM;
		}
		return isJsonContainer(text) ? MimeTypeUtils.APPLICATION_JSON : TEXT;
	}

	private static boolean isJsonContainer(String text) {
		String trimmed = text.strip();
		if (!(trimmed.startsWith("{") && trimmed.endsWith("}"))
				&& !(trimmed.startsWith("[") && trimmed.endsWith("]"))) {
			return false;
		}
		try {
			JsonNode node = mapper.readTree(trimmed);
			return node.isObject() || node.isArray();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	static TransportMessage inbound(String destination, Message<?> message, BinderSupport support) {
		MessageHeaders headers = message.getHeaders();
		return new TransportMessage(destination, payload(message.getPayload()), headers(headers), support.key(headers),
				support.replyTo(headers));
	}

	private static byte[] payload(Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		return String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the headers whose values are text, bytes (decoded as UTF-8) or simple
	 * values, as strings; framework objects such as the consumer or the acknowledgment
	 * are left out.
	 */
	static Map<String, String> headers(MessageHeaders headers) {
		Map<String, String> result = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			String text = SPRING_HEADERS.contains(name) ? null : text(value);
			if (text != null) {
				result.put(name, text);
			}
		});
		return result;
	}

	static @Nullable String text(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Character || value instanceof Enum<?> || value instanceof UUID
				|| value instanceof MimeType) {
			return value.toString();
		}
		return null;
	}

}

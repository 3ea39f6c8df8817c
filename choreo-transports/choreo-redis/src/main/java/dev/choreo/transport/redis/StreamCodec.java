package dev.choreo.transport.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.choreo.transport.TransportMessage;

/**
 * Turns messages into stream entries and back. An entry holds the payload in one field
 * ({@code payload} unless configured otherwise) and each header in a field named
 * {@code h:<header>}.
 * <p>
 * Entries written by applications are read too: when an entry has the payload field,
 * every other field becomes a header (prefixed ones without their prefix); when it has
 * none, the payload is a JSON object of its unprefixed fields, as strings, so that
 * matchers can look at them.
 */
final class StreamCodec {

	static final String HEADER_PREFIX = "h:";

	private final String payloadField;

	private final byte[] payloadFieldBytes;

	StreamCodec(String payloadField) {
		this.payloadField = payloadField;
		this.payloadFieldBytes = utf8(payloadField);
	}

	Map<byte[], byte[]> encode(TransportMessage message) {
		Map<byte[], byte[]> fields = new LinkedHashMap<>();
		fields.put(this.payloadFieldBytes, message.payload());
		message.headers().forEach((name, value) -> fields.put(utf8(HEADER_PREFIX + name), utf8(value)));
		return fields;
	}

	TransportMessage decode(String stream, Map<byte[], byte[]> fields) {
		byte[] payload = null;
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, String> others = new LinkedHashMap<>();
		for (Map.Entry<byte[], byte[]> field : fields.entrySet()) {
			String name = text(field.getKey());
			if (payload == null && Arrays.equals(field.getKey(), this.payloadFieldBytes)) {
				payload = field.getValue();
			}
			else if (name.startsWith(HEADER_PREFIX)) {
				headers.put(name.substring(HEADER_PREFIX.length()), text(field.getValue()));
			}
			else {
				others.put(name, text(field.getValue()));
			}
		}
		if (payload != null) {
			others.forEach(headers::putIfAbsent);
			return new TransportMessage(stream, payload, headers, null, null);
		}
		return new TransportMessage(stream, utf8(json(others)), headers, null, null);
	}

	String payloadField() {
		return this.payloadField;
	}

	static String json(Map<String, String> fields) {
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, String> field : fields.entrySet()) {
			if (json.length() > 1) {
				json.append(',');
			}
			quote(json, field.getKey()).append(':');
			quote(json, field.getValue());
		}
		return json.append('}').toString();
	}

	private static StringBuilder quote(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}

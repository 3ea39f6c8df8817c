package dev.choreo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON with Jackson. A {@code String} payload is taken to be the message text and sent as
 * its UTF-8 bytes; everything else is serialised as JSON.
 */
final class JsonCodec implements Codec {

	static final JsonCodec DEFAULT = new JsonCodec();

	private JsonCodec() {
	}

	/**
	 * The mapper, made on first use: a harness that has published and received nothing
	 * yet has not loaded Jackson.
	 */
	private static JsonMapper mapper() {
		return DefaultMapper.mapper;
	}

	@Override
	public byte[] encode(@Nullable Object payload) {
		if (payload instanceof byte[]) {
			throw new IllegalArgumentException("byte[] payloads are published unchanged; pass them to publish()");
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		byte[] plain = PlainJson.write(payload);
		if (plain != null) {
			return plain;
		}
		try {
			return mapper().writeValueAsBytes(payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Cannot encode " + Texts.typeName(payload) + " as JSON: " + ex.getOriginalMessage());
		}
	}

	@Override
	public @Nullable Object decode(byte[] bytes) {
		if (bytes.length == 0) {
			return bytes;
		}
		try {
			return PlainJson.read(bytes);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return bytes;
		}
	}

	@Override
	public <T> T decode(byte[] bytes, Class<T> type) {
		try {
			T value = mapper().readValue(bytes, type);
			if (value == null) {
				throw new IllegalArgumentException(
						"payload is JSON null, so it does not decode as " + type.getSimpleName());
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"payload does not decode as " + type.getSimpleName() + ": " + firstLine(ex.getOriginalMessage()));
		}
	}

	@Override
	public @Nullable Object toPlain(@Nullable Object payload) {
		if (payload == null || payload instanceof Map || payload instanceof List || payload instanceof CharSequence
				|| payload instanceof Number || payload instanceof Boolean || payload instanceof byte[]) {
			return payload;
		}
		try {
			return mapper().convertValue(payload, Object.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return payload;
		}
	}

	private static String firstLine(@Nullable String text) {
		if (text == null) {
			return "unreadable";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

	@Override
	public String toString() {
		return "Codec.json()";
	}

	/**
	 * The default mapper, made on first use.
	 */
	private static final class DefaultMapper {

		static final JsonMapper mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

		private DefaultMapper() {
		}

	}

}

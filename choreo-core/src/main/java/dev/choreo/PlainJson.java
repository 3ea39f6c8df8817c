package dev.choreo;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Plain data as JSON on Jackson's streaming parser and generator alone, byte for byte
 * what the JSON codec's mapper writes and value for value what it reads into
 * {@code Object}, without starting Jackson's data binding, which takes a few hundred
 * milliseconds the first time in a JVM. Plain data is maps with string keys, lists,
 * strings, booleans, {@code null} and the JDK's integer, finite floating point, big
 * integer and big decimal numbers; anything else is left to the mapper.
 */
final class PlainJson {

	/**
	 * Buffers recycled per thread, not through one shared queue that every thread
	 * encoding or decoding takes from and returns to.
	 */
	private static final JsonFactory factory = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	/**
	 * Deeper values are left to the mapper, which also reports cycles.
	 */
	private static final int MAX_DEPTH = 256;

	private PlainJson() {
	}

	/**
	 * Write a plain value as JSON.
	 * @param value the value
	 * @return its JSON, or {@code null} when the value is not plain data
	 */
	static byte @Nullable [] write(@Nullable Object value) {
		if (!isPlain(value, 0)) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
			write(generator, value);
		}
		return out.toByteArray();
	}

	/**
	 * Read JSON into maps, lists, strings, numbers, booleans and {@code null}, as the
	 * mapper reads it into {@code Object}: integers as the smallest of {@code Integer},
	 * {@code Long} and {@code BigInteger} that holds them, other numbers as
	 * {@code Double}, the last of repeated keys winning.
	 * @param bytes the JSON
	 * @return the value
	 * @throws JacksonException when the bytes are not one JSON value
	 */
	static @Nullable Object read(byte[] bytes) {
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw new NotOneValueException(parser, "no content");
			}
			Object value = read(parser, token);
			if (parser.nextToken() != null) {
				throw new NotOneValueException(parser, "trailing content after the value");
			}
			return value;
		}
	}

	private static boolean isPlain(@Nullable Object value, int depth) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger || value instanceof BigDecimal) {
			return true;
		}
		if (value instanceof Double number) {
			return Double.isFinite(number);
		}
		if (value instanceof Float number) {
			return Float.isFinite(number);
		}
		if (depth >= MAX_DEPTH) {
			return false;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue(), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (value instanceof List<?> list) {
			for (Object element : list) {
				if (!isPlain(element, depth + 1)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	private static void write(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value instanceof Boolean flag) {
			generator.writeBoolean(flag);
		}
		else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			generator.writeNumber(((Number) value).intValue());
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Float number) {
			generator.writeNumber(number);
		}
		else if (value instanceof BigInteger number) {
			generator.writeNumber(number);
		}
		else if (value instanceof BigDecimal number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				generator.writeName((String) entry.getKey());
				write(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
		else {
			generator.writeStartArray();
			for (Object element : (List<?>) value) {
				write(generator, element);
			}
			generator.writeEndArray();
		}
	}

	private static @Nullable Object read(JsonParser parser, @Nullable JsonToken token) {
		if (token == null) {
			throw new NotOneValueException(parser, "unexpected end of content");
		}
		switch (token) {
			case START_OBJECT -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
					String name = parser.currentName();
					map.put(name, read(parser, parser.nextToken()));
				}
				return map;
			}
			case START_ARRAY -> {
				List<@Nullable Object> list = new ArrayList<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
					list.add(read(parser, next));
				}
				return list;
			}
			case VALUE_STRING -> {
				return parser.getString();
			}
			case VALUE_NUMBER_INT -> {
				return parser.getNumberValue();
			}
			case VALUE_NUMBER_FLOAT -> {
				return parser.getDoubleValue();
			}
			case VALUE_TRUE -> {
				return Boolean.TRUE;
			}
			case VALUE_FALSE -> {
				return Boolean.FALSE;
			}
			case VALUE_NULL -> {
				return null;
			}
			default -> throw new NotOneValueException(parser, "unexpected " + token);
		}
	}

	/**
	 * The bytes hold no JSON value, or more than one.
	 */
	static final class NotOneValueException extends tools.jackson.core.exc.StreamReadException {

		private static final long serialVersionUID = 1L;

		NotOneValueException(JsonParser parser, String message) {
			super(parser, message);
		}

	}

}

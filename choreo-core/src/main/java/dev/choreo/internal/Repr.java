package dev.choreo.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders values for failure reasons, descriptions and summaries in JSON notation:
 * <ul>
 * <li>maps as objects ({@code {"status":"PAID","qty":3}}, keys in the map's order), lists
 * and other collections as arrays, strings in double quotes with JSON escapes, numbers as
 * JSON numbers ({@code NaN} and {@code Infinity} bare), {@code true}, {@code false} and
 * {@code null};</li>
 * <li>bytes, which are not JSON, in angle brackets with their length: UTF-8 text as a
 * quoted string ({@code <5 bytes: "hello">}), anything else as hexadecimal
 * ({@code <3 bytes: 00 01 ff>}, at most 32 bytes shown), nothing as {@code <0 bytes>};
 * the brackets keep them apart from a payload that was a JSON string;</li>
 * <li>records and beans (typed payloads) as the JSON objects Jackson writes for them,
 * anything Jackson cannot write, or writes as an empty object, through
 * {@code toString()}.</li>
 * </ul>
 * The compact rendering is cut to at most 200 characters, ending in {@code ...} when cut.
 *
 * @since 0.1.0
 */
public final class Repr {

	private static final int LIMIT = 200;

	private static final int PRETTY_LIMIT = 16 * 1024;

	private static final int HEX_PREVIEW = 32;

	private static final String ELLIPSIS = "...";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Repr() {
	}

	/**
	 * Render a value compactly in JSON notation. Never throws.
	 * @param value the value to render
	 * @return the rendering, at most 200 characters
	 */
	public static String repr(@Nullable Object value) {
		Writer writer = new Writer(LIMIT, false);
		writer.value(value);
		return writer.result();
	}

	/**
	 * Render a value in JSON notation over several lines, indented by two spaces, for a
	 * side-by-side diff. Never throws.
	 * @param value the value to render
	 * @return the rendering, at most 16 KiB
	 */
	public static String pretty(@Nullable Object value) {
		Writer writer = new Writer(PRETTY_LIMIT, true);
		writer.value(value);
		return writer.result();
	}

	/**
	 * Quote a text as a JSON string, whatever its length.
	 * @param text the text
	 * @return the JSON string
	 */
	public static String quote(String text) {
		Writer writer = new Writer(Integer.MAX_VALUE - 16, false);
		writer.string(text);
		return writer.out.toString();
	}

	/**
	 * Return the type name used in reasons, in JSON terms: {@code object} for a map,
	 * {@code array} for a list or other collection, {@code string}, {@code number},
	 * {@code boolean}, {@code null}, {@code bytes} for a byte array, otherwise the simple
	 * class name (a record or bean, for example).
	 * @param value the value
	 * @return the type name
	 */
	public static String typeName(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map) {
			return "object";
		}
		if (value instanceof Collection) {
			return "array";
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return "string";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof Number) {
			return "number";
		}
		if (value instanceof byte[]) {
			return "bytes";
		}
		String simpleName = value.getClass().getSimpleName();
		return (simpleName.isEmpty()) ? value.getClass().getName() : simpleName;
	}

	/**
	 * Return a value as plain JSON-like values: maps, lists, strings, numbers, booleans,
	 * {@code null} and byte arrays stay as they are; a record or bean becomes the map
	 * Jackson writes for it. Never throws.
	 * @param value the value
	 * @return the plain value, or the value itself when Jackson cannot write it or finds
	 * no property in it
	 */
	public static @Nullable Object plain(@Nullable Object value) {
		if (value == null || isPlain(value)) {
			return value;
		}
		try {
			Object plain = Json.mapper.convertValue(value, Object.class);
			return (plain instanceof Map<?, ?> map && map.isEmpty()) ? value : plain;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return value;
		}
	}

	private static boolean isPlain(Object value) {
		return value instanceof Map || value instanceof Collection || value instanceof CharSequence
				|| value instanceof Number || value instanceof Boolean || value instanceof byte[]
				|| value instanceof Character || value instanceof Enum;
	}

	/**
	 * Return the text of bytes that are UTF-8 text: valid UTF-8 without control
	 * characters other than tab, line feed and carriage return.
	 * @param bytes the bytes
	 * @return the text, or {@code null} when the bytes are not text
	 */
	public static @Nullable String text(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return null;
			}
		}
		return text;
	}

	/**
	 * Render bytes as lower-case hexadecimal without separators.
	 * @param bytes the bytes
	 * @return the hexadecimal text
	 */
	public static String hex(byte[] bytes) {
		StringBuilder out = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
		}
		return out.toString();
	}

	/**
	 * Appends JSON notation to a buffer, stopping once the buffer passes its limit.
	 */
	private static final class Writer {

		private final StringBuilder out = new StringBuilder();

		private final int limit;

		private final boolean pretty;

		private int depth;

		Writer(int limit, boolean pretty) {
			this.limit = limit;
			this.pretty = pretty;
		}

		String result() {
			if (this.out.length() <= this.limit) {
				return this.out.toString();
			}
			int end = this.limit - ELLIPSIS.length();
			if (Character.isHighSurrogate(this.out.charAt(end - 1))) {
				end--;
			}
			return this.out.substring(0, end) + ELLIPSIS;
		}

		private boolean full() {
			return this.out.length() > this.limit;
		}

		void value(@Nullable Object value) {
			if (full()) {
				return;
			}
			int mark = this.out.length();
			int level = this.depth;
			try {
				write(value);
			}
			catch (RuntimeException | StackOverflowError ex) {
				this.out.setLength(mark);
				this.depth = level;
				this.out.append('<').append(typeName(value)).append('>');
			}
		}

		private void write(@Nullable Object value) {
			if (value == null) {
				this.out.append("null");
			}
			else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
				string((value instanceof Enum<?> constant) ? constant.name() : value.toString());
			}
			else if (value instanceof Map<?, ?> map) {
				object(map);
			}
			else if (value instanceof Collection<?> collection) {
				array(collection.iterator(), collection.isEmpty());
			}
			else if (value instanceof byte[] bytes) {
				bytes(bytes);
			}
			else if (value instanceof Number || value instanceof Boolean) {
				this.out.append(value);
			}
			else {
				typed(value);
			}
		}

		private void typed(Object value) {
			Object plain = plain(value);
			if (plain != value && (plain == null || isPlain(plain))) {
				write(plain);
			}
			else {
				this.out.append(value);
			}
		}

		private void object(Map<?, ?> map) {
			this.out.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			open(!map.isEmpty());
			while (entries.hasNext() && !full()) {
				Map.Entry<?, ?> entry = entries.next();
				Object key = entry.getKey();
				string((key instanceof String name) ? name : String.valueOf(key));
				this.out.append(this.pretty ? ": " : ":");
				value(entry.getValue());
				if (entries.hasNext()) {
					separator();
				}
			}
			close(!map.isEmpty());
			this.out.append('}');
		}

		private void array(Iterator<?> values, boolean empty) {
			this.out.append('[');
			open(!empty);
			while (values.hasNext() && !full()) {
				value(values.next());
				if (values.hasNext()) {
					separator();
				}
			}
			close(!empty);
			this.out.append(']');
		}

		private void open(boolean content) {
			this.depth++;
			if (this.pretty && content) {
				newline();
			}
		}

		private void close(boolean content) {
			this.depth--;
			if (this.pretty && content) {
				newline();
			}
		}

		private void separator() {
			this.out.append(',');
			if (this.pretty) {
				newline();
			}
		}

		private void newline() {
			this.out.append('\n');
			for (int i = 0; i < this.depth && !full(); i++) {
				this.out.append("  ");
			}
		}

		void string(String text) {
			this.out.append('"');
			int i = 0;
			while (i < text.length() && !full()) {
				int codePoint = text.codePointAt(i);
				codePoint(codePoint);
				i += Character.charCount(codePoint);
			}
			this.out.append('"');
		}

		private void codePoint(int codePoint) {
			switch (codePoint) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				case '\b' -> this.out.append("\\b");
				case '\f' -> this.out.append("\\f");
				default -> other(codePoint);
			}
		}

		private void other(int codePoint) {
			if (isPrintable(codePoint)) {
				this.out.appendCodePoint(codePoint);
			}
			else {
				for (char unit : Character.toChars(codePoint)) {
					this.out.append("\\u").append(hex(unit, 4));
				}
			}
		}

		private static boolean isPrintable(int codePoint) {
			if (codePoint == ' ') {
				return true;
			}
			return switch (Character.getType(codePoint)) {
				case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
						Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.SPACE_SEPARATOR ->
					false;
				default -> true;
			};
		}

		private void bytes(byte[] bytes) {
			this.out.append('<').append(bytes.length).append((bytes.length == 1) ? " byte" : " bytes");
			if (bytes.length == 0) {
				this.out.append('>');
				return;
			}
			this.out.append(": ");
			String text = text(bytes);
			if (text != null) {
				string(text);
			}
			else {
				for (int i = 0; i < bytes.length && i < HEX_PREVIEW; i++) {
					this.out.append((i > 0) ? " " : "").append(hex(bytes[i] & 0xff, 2));
				}
				this.out.append((bytes.length > HEX_PREVIEW) ? " ..." : "");
			}
			this.out.append('>');
		}

	}

	private static String hex(int value, int digits) {
		StringBuilder out = new StringBuilder(digits);
		for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
			out.append(HEX[(value >> shift) & 0xf]);
		}
		return out.toString();
	}

	/**
	 * Render values as a comma-separated argument list, such as {@code "A", "B"}, each
	 * value cut on its own. Never throws.
	 * @param values the values to render
	 * @return the rendering
	 */
	public static String arguments(List<?> values) {
		StringBuilder out = new StringBuilder();
		String separator = "";
		for (Object value : values) {
			out.append(separator).append(repr(value));
			separator = ", ";
		}
		return out.toString();
	}

	/**
	 * Jackson, made on first use: only values that are not plain data need it.
	 */
	private static final class Json {

		static final JsonMapper mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

		private Json() {
		}

	}

}

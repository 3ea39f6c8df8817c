package dev.choreo.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Renders values for failure reasons and descriptions: strings quoted, maps and lists
 * spelled out, bytes escaped, and every rendering cut to at most 200 characters.
 *
 * @since 0.1.0
 */
public final class Repr {

	private static final int LIMIT = 200;

	private static final String ELLIPSIS = "...";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Repr() {
	}

	/**
	 * Render a value: strings in single quotes with escapes, numbers as digits, maps as
	 * {@code {'k': v}}, lists as {@code [1, 2]}, byte arrays as {@code b'...'}, anything
	 * else through {@code toString()}. Never throws.
	 * @param value the value to render
	 * @return the rendering, at most 200 characters
	 */
	public static String repr(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return truncate(out);
	}

	/**
	 * Render values as a parenthesised, comma-separated tuple such as
	 * {@code ('PASS', 'FAIL')}. Never throws.
	 * @param values the values to render
	 * @return the rendering, at most 200 characters
	 */
	public static String tuple(Collection<?> values) {
		StringBuilder out = new StringBuilder("(");
		appendAll(out, values.iterator());
		out.append(')');
		return truncate(out);
	}

	/**
	 * Return the short type name used in reasons: {@code dict} for a map, {@code list}
	 * for a list, {@code str}, {@code int}, {@code float}, {@code bool}, {@code null},
	 * otherwise the simple class name.
	 * @param value the value
	 * @return the type name
	 */
	public static String typeName(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map) {
			return "dict";
		}
		if (value instanceof List) {
			return "list";
		}
		return scalarTypeName(value);
	}

	private static String scalarTypeName(Object value) {
		if (value instanceof String) {
			return "str";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (isInteger(value)) {
			return "int";
		}
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			return "float";
		}
		String simpleName = value.getClass().getSimpleName();
		return (simpleName.isEmpty()) ? value.getClass().getName() : simpleName;
	}

	private static boolean isInteger(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger;
	}

	private static String truncate(StringBuilder out) {
		if (out.length() <= LIMIT) {
			return out.toString();
		}
		int end = LIMIT - ELLIPSIS.length();
		if (Character.isHighSurrogate(out.charAt(end - 1))) {
			end--;
		}
		return out.substring(0, end) + ELLIPSIS;
	}

	private static void append(StringBuilder out, @Nullable Object value) {
		if (out.length() > LIMIT) {
			return;
		}
		try {
			appendValue(out, value);
		}
		catch (RuntimeException ex) {
			out.append('<').append(typeName(value)).append('>');
		}
	}

	private static void appendValue(StringBuilder out, @Nullable Object value) {
		if (value instanceof String string) {
			appendString(out, string);
		}
		else if (value instanceof Map<?, ?> map) {
			appendMap(out, map);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			appendAll(out, list.iterator());
			out.append(']');
		}
		else if (value instanceof byte[] bytes) {
			appendBytes(out, bytes);
		}
		else {
			out.append(value);
		}
	}

	private static void appendAll(StringBuilder out, Iterator<?> values) {
		while (values.hasNext() && out.length() <= LIMIT) {
			append(out, values.next());
			if (values.hasNext()) {
				out.append(", ");
			}
		}
	}

	private static void appendMap(StringBuilder out, Map<?, ?> map) {
		out.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext() && out.length() <= LIMIT) {
			Map.Entry<?, ?> entry = entries.next();
			append(out, entry.getKey());
			out.append(": ");
			append(out, entry.getValue());
			if (entries.hasNext()) {
				out.append(", ");
			}
		}
		out.append('}');
	}

	private static void appendString(StringBuilder out, String string) {
		out.append('\'');
		int i = 0;
		while (i < string.length() && out.length() <= LIMIT) {
			int codePoint = string.codePointAt(i);
			appendCodePoint(out, codePoint);
			i += Character.charCount(codePoint);
		}
		out.append('\'');
	}

	private static void appendCodePoint(StringBuilder out, int codePoint) {
		switch (codePoint) {
			case '\\' -> out.append("\\\\");
			case '\'' -> out.append("\\'");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> appendOther(out, codePoint);
		}
	}

	private static void appendOther(StringBuilder out, int codePoint) {
		if (isPrintable(codePoint)) {
			out.appendCodePoint(codePoint);
		}
		else if (codePoint < 0x100) {
			out.append("\\x").append(hex(codePoint, 2));
		}
		else if (codePoint < 0x10000) {
			out.append("\\u").append(hex(codePoint, 4));
		}
		else {
			out.append("\\U").append(hex(codePoint, 8));
		}
	}

	private static boolean isPrintable(int codePoint) {
		if (codePoint == ' ') {
			return true;
		}
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR ->
				false;
			default -> true;
		};
	}

	private static void appendBytes(StringBuilder out, byte[] bytes) {
		out.append("b'");
		for (int i = 0; i < bytes.length && out.length() <= LIMIT; i++) {
			appendByte(out, bytes[i] & 0xff);
		}
		out.append('\'');
	}

	private static void appendByte(StringBuilder out, int b) {
		switch (b) {
			case '\\' -> out.append("\\\\");
			case '\'' -> out.append("\\'");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (b >= 0x20 && b < 0x7f) {
					out.append((char) b);
				}
				else {
					out.append("\\x").append(hex(b, 2));
				}
			}
		}
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

	private static String hex(int value, int digits) {
		StringBuilder out = new StringBuilder(digits);
		for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
			out.append(HEX[(value >> shift) & 0xf]);
		}
		return out.toString();
	}

}

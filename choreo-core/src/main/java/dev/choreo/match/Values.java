package dev.choreo.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Equality and ordering used by every matcher: numbers compare by value across the
 * standard number types, booleans never equal numbers, maps and lists compare deeply.
 */
final class Values {

	private Values() {
	}

	static boolean equal(@Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (isNumber(a) && isNumber(b)) {
			Integer order = compareNumbers((Number) a, (Number) b);
			return order != null && order == 0;
		}
		if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
			return mapsEqual(left, right);
		}
		if (a instanceof List<?> left && b instanceof List<?> right) {
			return listsEqual(left, right);
		}
		if (a instanceof byte[] left && b instanceof byte[] right) {
			return Arrays.equals(left, right);
		}
		return objectsEqual(a, b);
	}

	private static boolean objectsEqual(Object a, Object b) {
		try {
			return a.equals(b);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean listsEqual(List<?> left, List<?> right) {
		if (left.size() != right.size()) {
			return false;
		}
		Iterator<?> rightValues = right.iterator();
		for (Object value : left) {
			if (!equal(value, rightValues.next())) {
				return false;
			}
		}
		return true;
	}

	private static boolean mapsEqual(Map<?, ?> left, Map<?, ?> right) {
		if (left.size() != right.size()) {
			return false;
		}
		for (Map.Entry<?, ?> entry : left.entrySet()) {
			Object other = lookup(right, entry.getKey());
			if (other == FieldPath.MISSING || !equal(entry.getValue(), other)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable Object lookup(Map<?, ?> map, @Nullable Object key) {
		Object exact = (key != null) ? FieldPath.step(map, key) : FieldPath.MISSING;
		if (exact != FieldPath.MISSING) {
			return exact;
		}
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (equal(entry.getKey(), key)) {
				return entry.getValue();
			}
		}
		return FieldPath.MISSING;
	}

	/**
	 * Order two values: numbers with numbers, strings with strings.
	 * @param a the left value
	 * @param b the right value
	 * @return the order, or {@code null} when the values cannot be compared
	 */
	static @Nullable Integer compare(@Nullable Object a, @Nullable Object b) {
		if (a instanceof String left && b instanceof String right) {
			return Integer.signum(left.compareTo(right));
		}
		if (a != null && b != null && isNumber(a) && isNumber(b)) {
			return compareNumbers((Number) a, (Number) b);
		}
		return null;
	}

	static boolean comparable(@Nullable Object a, @Nullable Object b) {
		return (a instanceof String && b instanceof String) || (a != null && b != null && isNumber(a) && isNumber(b));
	}

	static boolean isNumber(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Double
				|| value instanceof BigDecimal || value instanceof Short || value instanceof Byte
				|| value instanceof Float || value instanceof BigInteger;
	}

	/**
	 * Order two numbers by value.
	 * @param a the left number
	 * @param b the right number
	 * @return the order, or {@code null} when either is NaN
	 */
	private static @Nullable Integer compareNumbers(Number a, Number b) {
		BigDecimal left = exact(a);
		BigDecimal right = exact(b);
		if (left != null && right != null) {
			return left.compareTo(right);
		}
		double x = a.doubleValue();
		double y = b.doubleValue();
		if (Double.isNaN(x) || Double.isNaN(y)) {
			return null;
		}
		if (left == null && right == null) {
			return Double.compare(x, y);
		}
		return (left == null) ? (int) Math.signum(x) : -(int) Math.signum(y);
	}

	private static @Nullable BigDecimal exact(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			return Double.isFinite(number.doubleValue()) ? new BigDecimal(number.toString()) : null;
		}
		return BigDecimal.valueOf(number.longValue());
	}

}

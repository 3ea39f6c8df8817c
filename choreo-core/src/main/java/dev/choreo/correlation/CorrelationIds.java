package dev.choreo.correlation;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates correlation ids: 32 lower-case hex characters (128 random bits) after an
 * optional prefix.
 */
final class CorrelationIds {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private CorrelationIds() {
	}

	static String next(String prefix) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[32];
		fill(id, 0, random.nextLong());
		fill(id, 16, random.nextLong());
		String hex = new String(id);
		return prefix.isEmpty() ? hex : prefix.concat(hex);
	}

	private static void fill(char[] target, int offset, long bits) {
		for (int i = 15; i >= 0; i--) {
			target[offset + i] = HEX[(int) (bits & 0xF)];
			bits >>>= 4;
		}
	}

	static void checkNamespace(String prefix, Object id) {
		if (!prefix.isEmpty() && !(id instanceof String text && text.startsWith(prefix))) {
			throw new CorrelationIdNotInNamespaceException(String.valueOf(id), prefix);
		}
	}

}

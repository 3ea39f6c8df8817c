package dev.choreo.match;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builders for test payloads.
 */
final class TestPayloads {

	private TestPayloads() {
	}

	/**
	 * Build an ordered map from alternating keys and values; values may be {@code null}.
	 * @param keysAndValues the keys and values
	 * @return the map
	 */
	static Map<Object, @Nullable Object> map(@Nullable Object... keysAndValues) {
		Map<Object, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object key = keysAndValues[i];
			if (key == null) {
				throw new IllegalArgumentException("null key");
			}
			map.put(key, keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	static ReceivedMessage message(Map<String, String> headers, @Nullable String key) {
		return new ReceivedMessage("orders.v1", Map.of(), new byte[0], headers, key);
	}

}

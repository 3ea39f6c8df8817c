package dev.choreo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Keeps decoded payloads from becoming shared mutable state. A message is decoded once
 * and offered to every expectation and reply that wants it, so the decoded maps and lists
 * are made read-only (in place for the JSON codec's own maps and lists: one wrapper per
 * container, no copying); a reply builder, which may want to change its trigger, gets its
 * own mutable copy.
 */
final class Payloads {

	private Payloads() {
	}

	/**
	 * Make a decoded value read-only, all the way down.
	 * @param value the decoded value
	 * @param owned whether the caller owns every map and list in it (the JSON codec's
	 * fresh {@code LinkedHashMap}s and {@code ArrayList}s), so they can be wrapped in
	 * place; otherwise they are copied first
	 * @return the read-only value
	 */
	static @Nullable Object freeze(@Nullable Object value, boolean owned) {
		if (value instanceof Map<?, ?> map) {
			return freezeMap(map, owned);
		}
		if (value instanceof List<?> list) {
			return freezeList(list, owned);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<?, ?> freezeMap(Map<?, ?> map, boolean owned) {
		Map<Object, @Nullable Object> target = (owned && map instanceof HashMap) ? (Map<Object, @Nullable Object>) map
				: new LinkedHashMap<>(map);
		for (Map.Entry<Object, @Nullable Object> entry : target.entrySet()) {
			Object item = entry.getValue();
			if (isContainer(item)) {
				entry.setValue(freeze(item, owned));
			}
		}
		return Collections.unmodifiableMap(target);
	}

	@SuppressWarnings("unchecked")
	private static List<?> freezeList(List<?> list, boolean owned) {
		List<@Nullable Object> target = (owned && list instanceof ArrayList) ? (List<@Nullable Object>) list
				: new ArrayList<>(list);
		ListIterator<@Nullable Object> items = target.listIterator();
		while (items.hasNext()) {
			Object item = items.next();
			if (isContainer(item)) {
				items.set(freeze(item, owned));
			}
		}
		return Collections.unmodifiableList(target);
	}

	/**
	 * Return whether a decoded value is a map or a list, settling the usual leaves
	 * (strings, numbers, booleans) by their class before asking for an interface.
	 */
	private static boolean isContainer(@Nullable Object item) {
		if (item == null || item instanceof String || item instanceof Number || item instanceof Boolean) {
			return false;
		}
		return item instanceof Map || item instanceof List;
	}

	/**
	 * Return a mutable deep copy of a payload for code that may change it: maps become
	 * {@code LinkedHashMap}s, lists {@code ArrayList}s, byte arrays are cloned.
	 * @param value the payload
	 * @return the copy
	 */
	static @Nullable Object copy(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
			map.forEach((key, item) -> copy.put(key, copy(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(copy(item)));
			return copy;
		}
		if (value instanceof byte[] bytes) {
			return bytes.clone();
		}
		return value;
	}

}

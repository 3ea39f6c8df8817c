package dev.choreo.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One node of a compiled {@code containsFields} spec: a map, a list, a matcher leaf or a
 * literal. Paths are the walked keys and indexes in {@link FieldPath}'s display notation
 * ({@code items[0].id}), {@code null} at the root.
 */
abstract class SpecNode {

	private static final int DESCRIBED_KEYS = 3;

	/**
	 * Match a sub-payload.
	 * @param payload the sub-payload
	 * @param path the walked path, {@code null} at the root
	 * @return {@code null} when it matches, otherwise the failed result
	 */
	abstract @Nullable MatchResult match(@Nullable Object payload, @Nullable String path);

	abstract String describe();

	abstract @Nullable Object shape();

	static SpecNode compile(@Nullable Object spec) {
		if (spec instanceof MessageMatcher matcher) {
			return new Leaf(matcher);
		}
		if (spec instanceof Map<?, ?> map) {
			return new MapNode(map);
		}
		if (spec instanceof List<?> list) {
			return new ListNode(list);
		}
		return new Literal(spec);
	}

	static String display(@Nullable String path) {
		return (path != null) ? path : MatchFailure.ROOT;
	}

	/**
	 * Return the start of a reason about a node: {@code at items[0]: }, nothing at the
	 * root.
	 */
	static String at(@Nullable String path) {
		return (path != null) ? "at " + path + ": " : "";
	}

	static String child(@Nullable String path, Object part) {
		return FieldPath.child((path != null) ? path : "", part);
	}

	/**
	 * The display paths of a node's children under one parent path, worked out once: a
	 * compiled spec is matched again and again at the same paths.
	 *
	 * @param parent the parent's path, {@code null} at the root
	 * @param children the children's paths, in the node's order
	 */
	record ChildPaths(@Nullable String parent, String[] children) {

		static ChildPaths of(@Nullable String parent, List<?> parts) {
			String[] children = new String[parts.size()];
			for (int i = 0; i < children.length; i++) {
				children[i] = child(parent, parts.get(i));
			}
			return new ChildPaths(parent, children);
		}

		boolean isFor(@Nullable String path) {
			return (this.parent == null) ? path == null : this.parent.equals(path);
		}

	}

	static MatchResult typeMismatch(@Nullable String path, String expected, @Nullable Object payload) {
		String type = Repr.typeName(payload);
		return MatchResult.fail(at(path) + "expected " + expected + ", got " + type,
				MatchFailure.of(Kind.TYPE_MISMATCH, display(path), Shapes.single("type", expected), type));
	}

	/**
	 * A map node: every key must be present and match, extra payload keys are ignored.
	 */
	static final class MapNode extends SpecNode {

		private final Map<Object, SpecNode> children = new LinkedHashMap<>();

		private final Object[] keys;

		private final SpecNode[] nodes;

		private volatile @Nullable ChildPaths paths;

		MapNode(Map<?, ?> spec) {
			spec.forEach((key, value) -> {
				if (key == null) {
					throw new IllegalArgumentException("containsFields spec keys must not be null");
				}
				this.children.put(key, compile(value));
			});
			this.keys = this.children.keySet().toArray();
			this.nodes = this.children.values().toArray(new SpecNode[0]);
		}

		@Override
		@Nullable MatchResult match(@Nullable Object payload, @Nullable String path) {
			if (!(payload instanceof Map<?, ?> map)) {
				return typeMismatch(path, "object", payload);
			}
			String[] childPaths = childPaths(path);
			for (int i = 0; i < this.keys.length; i++) {
				Object key = this.keys[i];
				Object value = FieldPath.step(map, key);
				MatchResult result = (value != FieldPath.MISSING) ? this.nodes[i].match(value, childPaths[i])
						: missing(childPaths[i], key, this.nodes[i]);
				if (result != null) {
					return result;
				}
			}
			return null;
		}

		private String[] childPaths(@Nullable String path) {
			ChildPaths known = this.paths;
			if (known == null || !known.isFor(path)) {
				known = ChildPaths.of(path, Arrays.asList(this.keys));
				this.paths = known;
			}
			return known.children();
		}

		private static MatchResult missing(String path, Object key, SpecNode node) {
			return MatchResult.fail(
					"at " + path + ": no field " + Repr.quote(String.valueOf(key)) + "; expected " + node.describe(),
					MatchFailure.of(Kind.MISSING, path, node.shape(), null));
		}

		@Override
		String describe() {
			if (this.children.size() > DESCRIBED_KEYS) {
				return this.children.keySet()
					.stream()
					.limit(DESCRIBED_KEYS)
					.map((key) -> Repr.quote(String.valueOf(key)) + ":...")
					.collect(Collectors.joining(",", "{", ",...}"));
			}
			return this.children.entrySet()
				.stream()
				.map((entry) -> Repr.quote(String.valueOf(entry.getKey())) + ":" + entry.getValue().describe())
				.collect(Collectors.joining(",", "{", "}"));
		}

		@Override
		Object shape() {
			Map<Object, @Nullable Object> shape = new LinkedHashMap<>();
			this.children.forEach((key, node) -> shape.put(key, node.shape()));
			return Collections.unmodifiableMap(shape);
		}

	}

	/**
	 * A list node: the payload must be a list at least as long, compared by position.
	 */
	static final class ListNode extends SpecNode {

		private final List<SpecNode> elements = new ArrayList<>();

		private volatile @Nullable ChildPaths paths;

		ListNode(List<?> spec) {
			spec.forEach((element) -> this.elements.add(compile(element)));
		}

		private String[] childPaths(@Nullable String path) {
			ChildPaths known = this.paths;
			if (known == null || !known.isFor(path)) {
				List<Integer> indexes = new ArrayList<>(this.elements.size());
				for (int i = 0; i < this.elements.size(); i++) {
					indexes.add(i);
				}
				known = ChildPaths.of(path, indexes);
				this.paths = known;
			}
			return known.children();
		}

		@Override
		@Nullable MatchResult match(@Nullable Object payload, @Nullable String path) {
			if (!(payload instanceof List<?> list)) {
				return typeMismatch(path, "array", payload);
			}
			if (list.size() < this.elements.size()) {
				return MatchResult.fail(
						at(path) + "expected at least " + this.elements.size()
								+ ((this.elements.size() == 1) ? " element" : " elements") + ", got " + list.size(),
						MatchFailure.of(Kind.PREDICATE, display(path), Shapes.single("minItems", this.elements.size()),
								list));
			}
			String[] childPaths = childPaths(path);
			for (int i = 0; i < this.elements.size(); i++) {
				MatchResult result = this.elements.get(i).match(list.get(i), childPaths[i]);
				if (result != null) {
					return result;
				}
			}
			return null;
		}

		@Override
		String describe() {
			return this.elements.stream().map(SpecNode::describe).collect(Collectors.joining(",", "[", "]"));
		}

		@Override
		Object shape() {
			List<@Nullable Object> shape = new ArrayList<>(this.elements.size());
			this.elements.forEach((element) -> shape.add(element.shape()));
			return Collections.unmodifiableList(shape);
		}

	}

	/**
	 * A matcher leaf: the sub-payload is passed to the matcher and its failure re-rooted.
	 */
	static final class Leaf extends SpecNode {

		private final MessageMatcher matcher;

		Leaf(MessageMatcher matcher) {
			this.matcher = matcher;
		}

		@Override
		@Nullable MatchResult match(@Nullable Object payload, @Nullable String path) {
			MatchResult result = Shapes.checked(this.matcher.match(payload), this.matcher.description());
			if (result.matched()) {
				return null;
			}
			MatchFailure failure = Shapes.failureOf(result, this.matcher.description(), payload);
			return MatchResult.fail(at(path) + result.reason(), Shapes.reroot(failure, display(path)));
		}

		@Override
		String describe() {
			return this.matcher.description();
		}

		@Override
		@Nullable Object shape() {
			return Shapes.shapeOf(this.matcher);
		}

	}

	/**
	 * A literal, compared with the matchers' equality.
	 */
	static final class Literal extends SpecNode {

		private final @Nullable Object value;

		Literal(@Nullable Object value) {
			this.value = value;
		}

		@Override
		@Nullable MatchResult match(@Nullable Object payload, @Nullable String path) {
			if (Values.equal(payload, this.value)) {
				return null;
			}
			return MatchResult.fail(at(path) + "expected " + Repr.repr(this.value) + ", got " + Repr.repr(payload),
					MatchFailure.of(Kind.MISMATCH, display(path), this.value, payload));
		}

		@Override
		String describe() {
			return Repr.repr(this.value);
		}

		@Override
		@Nullable Object shape() {
			return this.value;
		}

	}

}

package dev.choreo.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the matchers: expected shapes, child results and failure re-rooting.
 */
final class Shapes {

	/** The failure path and shape key of an {@code allOf} composition. */
	static final String ALL_OF = "allOf";

	/** The failure path and shape key of an {@code anyOf} composition. */
	static final String ANY_OF = "anyOf";

	/** The shape key of a {@code payloadContains} matcher. */
	static final String PAYLOAD_CONTAINS = "payloadContains";

	private static final Set<String> ROOT_LIKE = Set.of(MatchFailure.ROOT, ALL_OF, ANY_OF);

	private Shapes() {
	}

	/**
	 * Describe a composition as {@code name(d1, d2, ...)}.
	 * @param name the composition name
	 * @param matchers the children
	 * @return the description
	 */
	static String describe(String name, List<MessageMatcher> matchers) {
		return matchers.stream().map(MessageMatcher::description).collect(Collectors.joining(", ", name + "(", ")"));
	}

	/**
	 * Return a one-entry map that accepts a {@code null} value.
	 * @param key the key
	 * @param value the value
	 * @return the map
	 */
	static Map<String, @Nullable Object> single(String key, @Nullable Object value) {
		return Collections.singletonMap(key, value);
	}

	/**
	 * Return a matcher's expected shape, falling back to its description when it has none
	 * or when computing it fails.
	 * @param matcher the matcher
	 * @return the shape
	 */
	static @Nullable Object shapeOf(MessageMatcher matcher) {
		try {
			Object shape = matcher.expectedShape();
			return (shape != null) ? shape : matcher.description();
		}
		catch (RuntimeException ex) {
			return matcher.description();
		}
	}

	static List<@Nullable Object> shapesOf(List<MessageMatcher> matchers) {
		List<@Nullable Object> shapes = new ArrayList<>(matchers.size());
		for (MessageMatcher matcher : matchers) {
			shapes.add(shapeOf(matcher));
		}
		return Collections.unmodifiableList(shapes);
	}

	/**
	 * Guard against a matcher that returns no result.
	 * @param result the result returned by the matcher
	 * @param description the matcher's description
	 * @return the result, or a failure when it was {@code null}
	 */
	static MatchResult checked(@Nullable MatchResult result, String description) {
		if (result != null) {
			return result;
		}
		return MatchResult.fail(description + " returned no result",
				MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, description, null));
	}

	/**
	 * Return a failed result's failure, or a predicate failure standing in for it.
	 * @param result the failed result
	 * @param description the description of the matcher that failed
	 * @param actual the value the matcher saw
	 * @return the failure
	 */
	static MatchFailure failureOf(MatchResult result, String description, @Nullable Object actual) {
		MatchFailure failure = result.failure();
		return (failure != null) ? failure : MatchFailure.of(Kind.PREDICATE, MatchFailure.ROOT, description, actual);
	}

	/**
	 * Move a failure tree under a path: every node at {@code <root>}, {@code allOf} or
	 * {@code anyOf} takes the path, other nodes keep theirs.
	 * @param failure the failure
	 * @param path the new path
	 * @return the moved failure
	 */
	static MatchFailure reroot(MatchFailure failure, String path) {
		List<MatchFailure> children = new ArrayList<>(failure.children().size());
		for (MatchFailure child : failure.children()) {
			children.add(reroot(child, path));
		}
		String newPath = ROOT_LIKE.contains(failure.path()) ? path : failure.path();
		return new MatchFailure(failure.kind(), newPath, failure.expected(), failure.actual(), children);
	}

	/**
	 * Return the failure of a message matcher applied to a bare payload.
	 * @param description the matcher's description
	 * @param path the failure path
	 * @param shape the matcher's expected shape
	 * @return the failed result
	 */
	static MatchResult needsMessage(String description, String path, Object shape) {
		return MatchResult.fail(description + " needs a received message, not a bare payload",
				MatchFailure.of(Kind.PREDICATE, path, shape, null));
	}

	/**
	 * Return the failure of a custom matcher whose code rejected the payload's type.
	 * @param description the matcher's description
	 * @param payload the payload
	 * @return the failed result
	 */
	static MatchResult wrongType(String description, @Nullable Object payload) {
		String type = Repr.typeName(payload);
		return MatchResult.fail(description + " cannot accept a payload of type " + type,
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, description, type));
	}

}

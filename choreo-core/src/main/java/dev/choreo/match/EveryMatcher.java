package dev.choreo.match;

import java.util.List;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when the payload is a list and every element passes; an empty list passes.
 */
final class EveryMatcher extends DescribedMatcher {

	private final MessageMatcher matcher;

	EveryMatcher(MessageMatcher matcher) {
		super("every(" + matcher.description() + ")");
		this.matcher = matcher;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		if (!(payload instanceof List<?> list)) {
			return notAList("every", payload);
		}
		int index = 0;
		for (Object element : list) {
			MatchResult result = Shapes.checked(this.matcher.match(element), this.matcher.description());
			if (!result.matched()) {
				return failed(index, element, result);
			}
			index++;
		}
		return MatchResult.pass("every element satisfies " + this.matcher.description());
	}

	private MatchResult failed(int index, @Nullable Object element, MatchResult result) {
		String path = FieldPath.child("", index);
		MatchFailure child = Shapes.reroot(Shapes.failureOf(result, this.matcher.description(), element), path);
		MatchFailure failure = new MatchFailure(Kind.COMPOSED, path, expectedShape(), null, List.of(child));
		return MatchResult.fail("every: element " + index + " failed \u2014 " + result.reason(), failure);
	}

	static MatchResult notAList(String name, @Nullable Object payload) {
		String type = Repr.typeName(payload);
		return MatchResult.fail(name + " needs an array, got " + type,
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.ROOT, Shapes.single("type", "array"), type));
	}

	@Override
	public Object expectedShape() {
		return Shapes.single("every", Shapes.shapeOf(this.matcher));
	}

}

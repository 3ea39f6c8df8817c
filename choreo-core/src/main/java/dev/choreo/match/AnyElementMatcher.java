package dev.choreo.match;

import java.util.ArrayList;
import java.util.List;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when the payload is a list and at least one element passes; an empty list fails.
 */
final class AnyElementMatcher extends DescribedMatcher {

	private final MessageMatcher matcher;

	AnyElementMatcher(MessageMatcher matcher) {
		super("anyElement(" + matcher.description() + ")");
		this.matcher = matcher;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		if (!(payload instanceof List<?> list)) {
			return EveryMatcher.notAList("anyElement", payload);
		}
		List<MatchFailure> children = new ArrayList<>();
		int index = 0;
		for (Object element : list) {
			MatchResult result = Shapes.checked(this.matcher.match(element), this.matcher.description());
			if (result.matched()) {
				return MatchResult.pass("anyElement: element " + index + " satisfies " + this.matcher.description());
			}
			MatchFailure child = Shapes.failureOf(result, this.matcher.description(), element);
			children.add(Shapes.reroot(child, FieldPath.child("", index)));
			index++;
		}
		MatchFailure failure = new MatchFailure(Kind.COMPOSED, MatchFailure.ROOT, expectedShape(), null, children);
		return MatchResult.fail("anyElement: no element satisfies " + this.matcher.description(), failure);
	}

	@Override
	public Object expectedShape() {
		return Shapes.single("anyElement", Shapes.shapeOf(this.matcher));
	}

}

package dev.choreo.match;

import org.jspecify.annotations.Nullable;

/**
 * A flat field matcher (with a path) or a value matcher (without one), applying one
 * {@link Check}.
 */
final class PredicateMatcher extends DescribedMatcher {

	private final @Nullable FieldPath path;

	private final Check check;

	private PredicateMatcher(@Nullable FieldPath path, Check check) {
		super((path != null && !path.parts().isEmpty()) ? check.fieldDescription(path.source())
				: check.valueDescription());
		this.path = path;
		this.check = check;
	}

	static PredicateMatcher field(FieldPath path, Check check) {
		return new PredicateMatcher(path, check);
	}

	static PredicateMatcher value(Check check) {
		return new PredicateMatcher(null, check);
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		if (this.path == null || this.path.parts().isEmpty()) {
			return this.check.evaluate(null, MatchFailure.ROOT, payload, description());
		}
		String where = this.path.toString();
		Object value = this.path.resolve(payload);
		if (value == FieldPath.MISSING) {
			return this.check.missing("at " + where + ": " + this.path.explainMissing(payload), where);
		}
		return this.check.evaluate(where, where, value, description());
	}

	@Override
	public @Nullable Object expectedShape() {
		if (this.path == null || this.path.parts().isEmpty()) {
			return this.check.shape();
		}
		return Shapes.single(this.path.toString(), this.check.shape());
	}

}

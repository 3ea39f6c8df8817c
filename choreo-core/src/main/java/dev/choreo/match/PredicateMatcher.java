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
		super(check.description(label(path)));
		this.path = path;
		this.check = check;
	}

	static PredicateMatcher field(FieldPath path, Check check) {
		return new PredicateMatcher(path, check);
	}

	static PredicateMatcher value(Check check) {
		return new PredicateMatcher(null, check);
	}

	private static @Nullable String label(@Nullable FieldPath path) {
		return (path != null && !path.parts().isEmpty()) ? path.toString() : null;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		String label = label(this.path);
		if (this.path == null || label == null) {
			return this.check.evaluate(null, MatchFailure.ROOT, payload);
		}
		Object value = this.path.resolve(payload);
		if (value == FieldPath.MISSING) {
			return this.check.missing(label, this.path.failurePath());
		}
		return this.check.evaluate(label, this.path.failurePath(), value);
	}

	@Override
	public @Nullable Object expectedShape() {
		String label = label(this.path);
		return (label != null) ? Shapes.single(label, this.check.shape()) : this.check.shape();
	}

}

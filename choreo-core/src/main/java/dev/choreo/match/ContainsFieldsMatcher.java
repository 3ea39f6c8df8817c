package dev.choreo.match;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A recursive subset match against a spec of maps, lists, matchers and literals.
 */
final class ContainsFieldsMatcher extends DescribedMatcher {

	private final SpecNode spec;

	/** The result of every match, which always gives the same reason. */
	private final MatchResult passed;

	/**
	 * The expected shape, worked out at the first call: the compiled spec never changes.
	 */
	private volatile @Nullable Object shape;

	private ContainsFieldsMatcher(SpecNode spec, String described) {
		super("containsFields(" + described + ")");
		this.spec = spec;
		this.passed = MatchResult.pass(description());
	}

	static ContainsFieldsMatcher of(Map<String, ?> spec) {
		SpecNode node = SpecNode.compile(spec);
		return new ContainsFieldsMatcher(node, node.describe());
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		MatchResult result = this.spec.match(payload, null);
		return (result != null) ? result : this.passed;
	}

	@Override
	public @Nullable Object expectedShape() {
		Object known = this.shape;
		if (known == null) {
			known = this.spec.shape();
			this.shape = known;
		}
		return known;
	}

}

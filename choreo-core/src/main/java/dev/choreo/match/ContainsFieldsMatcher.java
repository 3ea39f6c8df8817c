package dev.choreo.match;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A recursive subset match against a spec of maps, lists, matchers and literals.
 */
final class ContainsFieldsMatcher extends DescribedMatcher {

	private final SpecNode spec;

	private ContainsFieldsMatcher(SpecNode spec, String described) {
		super("containsFields(" + described + ")");
		this.spec = spec;
	}

	static ContainsFieldsMatcher of(Map<String, ?> spec) {
		SpecNode node = SpecNode.compile(spec);
		return new ContainsFieldsMatcher(node, node.describe());
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		MatchResult result = this.spec.match(payload, null);
		return (result != null) ? result : MatchResult.pass(description());
	}

	@Override
	public @Nullable Object expectedShape() {
		return this.spec.shape();
	}

}

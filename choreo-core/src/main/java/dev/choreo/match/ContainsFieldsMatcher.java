package dev.choreo.match;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A recursive subset match against a spec of maps, lists, matchers and literals.
 */
final class ContainsFieldsMatcher extends DescribedMatcher {

	private final SpecNode spec;

	private final String described;

	private ContainsFieldsMatcher(SpecNode spec, String described) {
		super("contains_fields(" + described + ")");
		this.spec = spec;
		this.described = described;
	}

	static ContainsFieldsMatcher of(Map<String, ?> spec) {
		SpecNode node = SpecNode.compile(spec);
		return new ContainsFieldsMatcher(node, node.describe());
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		MatchResult result = this.spec.match(payload, null);
		return (result != null) ? result : MatchResult.pass("contains " + this.described);
	}

	@Override
	public @Nullable Object expectedShape() {
		return this.spec.shape();
	}

}

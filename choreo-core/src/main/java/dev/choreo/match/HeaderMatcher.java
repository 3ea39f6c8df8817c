package dev.choreo.match;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Matches one message header by exact name: equal to a value, present, or matching a
 * regular expression. Failures are reported at {@code header:<name>}.
 */
final class HeaderMatcher extends DescribedMatcher {

	private final String name;

	private final String label;

	private final Check check;

	private HeaderMatcher(String name, Check check) {
		super(check.description("header:" + name));
		this.name = name;
		this.label = "header:" + name;
		this.check = check;
	}

	static HeaderMatcher equalTo(String name, String value) {
		return new HeaderMatcher(name, Check.of(Check.Op.EQ, value));
	}

	static HeaderMatcher exists(String name) {
		return new HeaderMatcher(name, Check.exists());
	}

	static HeaderMatcher matching(String name, String regex) {
		return new HeaderMatcher(name, Check.matches(regex));
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return Shapes.needsMessage(description(), this.label, expectedShape());
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		String value = message.headers().get(this.name);
		if (value == null) {
			return MatchResult.fail("header " + Repr.repr(this.name) + " missing",
					MatchFailure.of(Kind.MISSING, this.label, this.check.shape(), null));
		}
		return this.check.evaluate(this.label, this.label, value);
	}

	@Override
	public Object expectedShape() {
		return Shapes.single(this.label, this.check.shape());
	}

}

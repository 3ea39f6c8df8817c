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

	private HeaderMatcher(String factory, String name, Check check) {
		super(check.call(factory, Repr.quote(name)));
		this.name = name;
		this.label = "header:" + name;
		this.check = check;
	}

	static HeaderMatcher equalTo(String name, String value) {
		return new HeaderMatcher("headerEquals", name, Check.of(Check.Op.EQ, value));
	}

	static HeaderMatcher exists(String name) {
		return new HeaderMatcher("headerExists", name, Check.exists());
	}

	static HeaderMatcher matching(String name, String regex) {
		return new HeaderMatcher("headerMatches", name, Check.matches(regex));
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return Shapes.needsMessage(description(), this.label, expectedShape());
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		String value = message.headers().get(this.name);
		if (value == null) {
			return this.check.missing("no header " + Repr.quote(this.name), this.label);
		}
		return this.check.evaluate("header " + Repr.quote(this.name), this.label, value, description());
	}

	@Override
	public Object expectedShape() {
		return Shapes.single(this.label, this.check.shape());
	}

}

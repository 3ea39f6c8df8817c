package dev.choreo.match;

import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Matches the message key. Failures are reported at {@code key}.
 */
final class KeyEqualsMatcher extends DescribedMatcher {

	private static final String LABEL = "key";

	private final Check check;

	KeyEqualsMatcher(String key) {
		this(Check.of(Check.Op.EQ, key));
	}

	private KeyEqualsMatcher(Check check) {
		super(check.call("keyEquals", null));
		this.check = check;
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		return Shapes.needsMessage(description(), LABEL, expectedShape());
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		String key = message.key();
		if (key == null) {
			return this.check.missing("the message has no key", LABEL);
		}
		return this.check.evaluate(LABEL, LABEL, key, description());
	}

	@Override
	public Object expectedShape() {
		return Shapes.single(LABEL, this.check.shape());
	}

}

package dev.choreo.match;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when a raw byte payload contains a byte sequence.
 */
final class PayloadContainsMatcher extends DescribedMatcher {

	private final byte[] sub;

	private final String rendered;

	private final String hex;

	PayloadContainsMatcher(byte[] sub) {
		this(sub.clone(), Repr.repr(sub));
	}

	private PayloadContainsMatcher(byte[] sub, String rendered) {
		super("contains " + rendered);
		this.sub = sub;
		this.rendered = rendered;
		this.hex = Repr.hex(sub);
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		if (!(payload instanceof byte[] bytes)) {
			String type = Repr.typeName(payload);
			return MatchResult.fail("payload_contains needs raw bytes, got " + type,
					MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.RAW, expectedShape(), type));
		}
		if (indexOf(bytes, this.sub) >= 0) {
			return MatchResult.pass(description());
		}
		return MatchResult.fail("does not contain " + this.rendered,
				MatchFailure.of(Kind.PREDICATE, MatchFailure.RAW, expectedShape(), bytes));
	}

	private static int indexOf(byte[] bytes, byte[] sub) {
		for (int start = 0; start <= bytes.length - sub.length; start++) {
			if (regionMatches(bytes, start, sub)) {
				return start;
			}
		}
		return -1;
	}

	private static boolean regionMatches(byte[] bytes, int start, byte[] sub) {
		for (int i = 0; i < sub.length; i++) {
			if (bytes[start + i] != sub[i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public Object expectedShape() {
		return Shapes.single("payload_contains_hex", this.hex);
	}

}

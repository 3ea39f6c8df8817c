package dev.choreo.match;

import java.nio.charset.StandardCharsets;

import dev.choreo.internal.Repr;
import dev.choreo.match.MatchFailure.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Passes when the message's raw bytes contain a byte sequence: the UTF-8 bytes of a text,
 * or bytes given as they are. On a received message it looks at the bytes as they
 * arrived, whether or not the codec decoded them; applied to a bare value it looks at a
 * byte array or at the UTF-8 bytes of a string.
 */
final class PayloadContainsMatcher extends DescribedMatcher {

	private final byte[] sub;

	private final String rendered;

	private final Object shape;

	private PayloadContainsMatcher(byte[] sub, String rendered, Object shape) {
		super("payloadContains(" + rendered + ")");
		this.sub = sub;
		this.rendered = rendered;
		this.shape = shape;
	}

	static PayloadContainsMatcher text(String text) {
		return new PayloadContainsMatcher(text.getBytes(StandardCharsets.UTF_8), Repr.repr(text), text);
	}

	static PayloadContainsMatcher bytes(byte[] bytes) {
		byte[] copy = bytes.clone();
		return new PayloadContainsMatcher(copy, Repr.repr(copy), copy);
	}

	@Override
	public MatchResult matchMessage(ReceivedMessage message) {
		byte[] raw = message.raw();
		if (raw.length == 0 && !(message.payload() instanceof byte[])) {
			return match(message.payload());
		}
		return evaluate(raw, message.payload());
	}

	@Override
	public MatchResult match(@Nullable Object payload) {
		if (payload instanceof byte[] bytes) {
			return evaluate(bytes, bytes);
		}
		if (payload instanceof CharSequence text) {
			return evaluate(text.toString().getBytes(StandardCharsets.UTF_8), payload);
		}
		String type = Repr.typeName(payload);
		return MatchResult.fail(description() + " looks at the raw message or at a string, got " + type,
				MatchFailure.of(Kind.TYPE_MISMATCH, MatchFailure.RAW, expectedShape(), type));
	}

	private MatchResult evaluate(byte[] bytes, @Nullable Object payload) {
		if (indexOf(bytes, this.sub) >= 0) {
			return MatchResult.pass(description());
		}
		return MatchResult.fail("payload does not contain " + this.rendered,
				MatchFailure.of(Kind.PREDICATE, MatchFailure.RAW, expectedShape(), payload));
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

	/**
	 * Return {@code {"payloadContains": text}}, or the bytes for a byte sequence: the
	 * same array every time, so equal failures stay equal; it is not the array the
	 * matcher searches with.
	 */
	@Override
	public Object expectedShape() {
		return Shapes.single(Shapes.PAYLOAD_CONTAINS, this.shape);
	}

}

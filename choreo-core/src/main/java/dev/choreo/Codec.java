package dev.choreo;

import org.jspecify.annotations.Nullable;

/**
 * Turns payloads into bytes for publishing and bytes back into values for matching.
 * <p>
 * The default, {@link #json()}, decodes into plain Java values ({@code Map},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}) and leaves
 * bytes that are not JSON as {@code byte[]}, so a matcher sees them rather than an
 * exception. {@code byte[]} payloads are always published unchanged without going through
 * the codec.
 *
 * @since 0.1.0
 */
public interface Codec {

	/**
	 * Encode a payload.
	 * @param payload the payload, never a {@code byte[]}
	 * @return the bytes
	 * @throws IllegalArgumentException if the payload cannot be encoded
	 */
	byte[] encode(@Nullable Object payload);

	/**
	 * Decode bytes into a plain value. Must not throw for any input.
	 * @param bytes the bytes
	 * @return the value, or the bytes themselves when they cannot be decoded
	 */
	@Nullable Object decode(byte[] bytes);

	/**
	 * Decode bytes into a given type, for typed expectations.
	 * @param <T> the type
	 * @param bytes the bytes
	 * @param type the type
	 * @return the value
	 * @throws IllegalArgumentException if the bytes are not a {@code type}
	 */
	<T> T decode(byte[] bytes, Class<T> type);

	/**
	 * Turn an object into the plain value a correlation policy can stamp: a record or
	 * bean becomes a {@code Map}. The default returns the value unchanged.
	 * @param payload the payload
	 * @return the plain value
	 */
	default @Nullable Object toPlain(@Nullable Object payload) {
		return payload;
	}

	/**
	 * Return the JSON codec.
	 * @return the codec
	 */
	static Codec json() {
		return JsonCodec.DEFAULT;
	}

	/**
	 * Return the codec that passes bytes through: {@code decode} returns the bytes and
	 * {@code encode} accepts only {@code byte[]}.
	 * @return the codec
	 */
	static Codec raw() {
		return RawCodec.INSTANCE;
	}

}

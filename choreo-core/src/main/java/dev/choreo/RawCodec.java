package dev.choreo;

import org.jspecify.annotations.Nullable;

/**
 * Bytes in, bytes out.
 */
final class RawCodec implements Codec {

	static final RawCodec INSTANCE = new RawCodec();

	private RawCodec() {
	}

	@Override
	public byte[] encode(@Nullable Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		throw new IllegalArgumentException(
				"The raw codec publishes only byte[] payloads, not " + Texts.typeName(payload));
	}

	@Override
	public Object decode(byte[] bytes) {
		return bytes;
	}

	@Override
	public <T> T decode(byte[] bytes, Class<T> type) {
		if (type.isInstance(bytes)) {
			return type.cast(bytes);
		}
		throw new IllegalArgumentException("The raw codec decodes only into byte[], not " + type.getSimpleName());
	}

	@Override
	public String toString() {
		return "Codec.raw()";
	}

}

package dev.choreo.transport.redis;

/**
 * A stream entry id, {@code <milliseconds>-<sequence>}, ordered as Redis orders them.
 *
 * @param millis the milliseconds part
 * @param sequence the sequence part
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

	/** The id before every entry. */
	static final StreamId ZERO = new StreamId(0, 0);

	static StreamId parse(String id) {
		int dash = id.indexOf('-');
		if (dash < 0) {
			return new StreamId(Long.parseUnsignedLong(id), 0);
		}
		return new StreamId(Long.parseUnsignedLong(id.substring(0, dash)),
				Long.parseUnsignedLong(id.substring(dash + 1)));
	}

	@Override
	public int compareTo(StreamId other) {
		int byMillis = Long.compareUnsigned(this.millis, other.millis);
		return (byMillis != 0) ? byMillis : Long.compareUnsigned(this.sequence, other.sequence);
	}

	boolean isAfter(StreamId other) {
		return compareTo(other) > 0;
	}

	@Override
	public String toString() {
		return Long.toUnsignedString(this.millis) + "-" + Long.toUnsignedString(this.sequence);
	}

}

package dev.choreo.chronicle.storage;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;
import org.jspecify.annotations.Nullable;

/**
 * A mergeable latency histogram: an HdrHistogram of latencies in <b>microseconds</b> with
 * <b>3 significant decimal digits</b>, so every percentile it reports is within 0.1 % of
 * the exact value (at most 1 µs off below 1 ms), from 1 µs up to one hour (longer
 * latencies are recorded as one hour). Stored compressed
 * ({@code encodeIntoCompressedByteBuffer}) in the roll-up tables; the histograms of any
 * set of buckets merge into the histogram of their union.
 *
 * @author Choreo
 */
public final class LatencyHistogram {

	/** Significant decimal digits kept. */
	public static final int SIGNIFICANT_DIGITS = 3;

	/** Highest latency tracked, in microseconds (one hour). */
	public static final long HIGHEST_MICROS = 3_600_000_000L;

	private final AbstractHistogram histogram;

	private LatencyHistogram(AbstractHistogram histogram) {
		this.histogram = histogram;
	}

	/**
	 * Create an empty histogram.
	 * @return the histogram
	 */
	public static LatencyHistogram empty() {
		return new LatencyHistogram(new IntCountsHistogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS));
	}

	/**
	 * Decode a histogram stored by {@link #encode()}.
	 * @param bytes the stored bytes, or {@code null} for an empty histogram
	 * @return the histogram
	 */
	public static LatencyHistogram decode(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return empty();
		}
		try {
			return new LatencyHistogram(
					IntCountsHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), HIGHEST_MICROS));
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("Stored latency histogram is corrupt", ex);
		}
	}

	/**
	 * Record one latency.
	 * @param millis the latency in milliseconds
	 */
	public void record(double millis) {
		long micros = Math.round(millis * 1000);
		this.histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
	}

	/**
	 * Add every value of another histogram to this one.
	 * @param other the other histogram
	 */
	public void merge(LatencyHistogram other) {
		this.histogram.add(other.histogram);
	}

	/**
	 * Return the number of recorded values.
	 * @return the count
	 */
	public long count() {
		return this.histogram.getTotalCount();
	}

	/**
	 * Return the latency at a percentile, in milliseconds: the highest value equivalent
	 * to the recorded value at that rank, within the stated precision.
	 * @param percentile the percentile, 0 to 100
	 * @return the latency in milliseconds, or {@code null} when the histogram is empty
	 */
	public @Nullable Double percentile(double percentile) {
		if (count() == 0) {
			return null;
		}
		return this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	/**
	 * Encode this histogram compressed.
	 * @return the bytes
	 */
	public byte[] encode() {
		ByteBuffer buffer = ByteBuffer.allocate(this.histogram.getNeededByteBufferCapacity());
		int length = this.histogram.encodeIntoCompressedByteBuffer(buffer);
		byte[] bytes = new byte[length];
		buffer.flip();
		buffer.get(bytes);
		return bytes;
	}

}

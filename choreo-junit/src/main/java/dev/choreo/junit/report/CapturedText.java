package dev.choreo.junit.report;

import java.nio.charset.StandardCharsets;

/**
 * Captured output of one test: appended from any thread, bounded in memory by keeping
 * only the tail, remembering how many bytes were dropped.
 */
final class CapturedText {

	private static final int KEEP_CHARS = 2 * Sanitizer.STREAM_CAP;

	private final StringBuilder text = new StringBuilder();

	private long droppedBytes;

	synchronized void append(String value) {
		this.text.append(value);
		if (this.text.length() > 2 * KEEP_CHARS) {
			int cut = this.text.length() - KEEP_CHARS;
			this.droppedBytes += this.text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length;
			this.text.delete(0, cut);
		}
	}

	synchronized String text() {
		return this.text.toString();
	}

	synchronized long droppedBytes() {
		return this.droppedBytes;
	}

}

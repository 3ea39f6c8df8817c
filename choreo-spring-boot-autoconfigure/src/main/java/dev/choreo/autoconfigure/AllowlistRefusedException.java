package dev.choreo.autoconfigure;

import dev.choreo.transport.EndpointNotAllowedException;
import org.jspecify.annotations.Nullable;

/**
 * A harness the starter builds was refused by the allowlist: names the harness and the
 * allowlist file in use, for {@link EndpointNotAllowedFailureAnalyzer}.
 */
final class AllowlistRefusedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String harness;

	private final @Nullable String file;

	AllowlistRefusedException(String harness, @Nullable String file, EndpointNotAllowedException cause) {
		super(cause.getMessage() + ". To let tests use it, add it to choreo.allowlist."
				+ EndpointNotAllowedFailureAnalyzer.propertyName(cause.category())
				+ ((file != null) ? " (or to the file set by choreo.allowlist.file, " + file + ")" : ""), cause);
		this.harness = harness;
		this.file = file;
	}

	String harness() {
		return this.harness;
	}

	@Nullable String file() {
		return this.file;
	}

}

package dev.choreo.chronicle.ingest;

import org.jspecify.annotations.Nullable;

/**
 * A report whose {@code schema_version} does not start with "1".
 *
 * @author Choreo
 */
public class UnsupportedSchemaVersionException extends RuntimeException {

	/**
	 * The schema version as the report gave it, or {@code null} when missing.
	 */
	private final @Nullable String version;

	UnsupportedSchemaVersionException(@Nullable String version) {
		super("Unsupported schema_version");
		this.version = version;
	}

	/**
	 * Return the version as given, or {@code null} when missing.
	 * @return the version
	 */
	public @Nullable String getVersion() {
		return this.version;
	}

}

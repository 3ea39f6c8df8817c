package dev.choreo.junit.report;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Reads the report settings given to {@link ChoreoReport}, for tests.
 */
public final class ReportSettingsAccess {

	private ReportSettingsAccess() {
	}

	public static @Nullable Path directory() {
		return ChoreoReport.options().directory();
	}

	public static @Nullable String projectName() {
		return ChoreoReport.options().projectName();
	}

	public static @Nullable Boolean enabled() {
		return ChoreoReport.options().enabled();
	}

	public static @Nullable String allowlistSource() {
		return ChoreoReport.options().allowlistSource();
	}

}

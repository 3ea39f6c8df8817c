package dev.choreo.junit.report;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the report given from code, through
 * {@link ChoreoReport#configure(ReportOptions)}. Each setting left unset falls through to
 * the system property, then the JUnit configuration parameter, then the default.
 * Immutable: each {@code with} method returns a copy. <pre class="code">
 * ChoreoReport.configure(ReportOptions.empty()
 *     .withDirectory(Path.of("target/choreo-report"))
 *     .withProjectName("orders-service"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class ReportOptions {

	private static final ReportOptions EMPTY = new ReportOptions(null, null, null, null, null, null);

	private final @Nullable Path directory;

	private final @Nullable Boolean enabled;

	private final @Nullable String projectName;

	private final @Nullable Boolean streamRedaction;

	private final @Nullable String allowlistSource;

	private final @Nullable String environment;

	private ReportOptions(@Nullable Path directory, @Nullable Boolean enabled, @Nullable String projectName,
			@Nullable Boolean streamRedaction, @Nullable String allowlistSource, @Nullable String environment) {
		this.directory = directory;
		this.enabled = enabled;
		this.projectName = projectName;
		this.streamRedaction = streamRedaction;
		this.allowlistSource = allowlistSource;
		this.environment = environment;
	}

	/**
	 * Return options that set nothing.
	 * @return the empty options
	 */
	public static ReportOptions empty() {
		return EMPTY;
	}

	/**
	 * Set the directory the report is written to ({@code choreo.report.dir}); a relative
	 * path is taken from the working directory.
	 * @param directory the directory
	 * @return a copy with the directory set
	 */
	public ReportOptions withDirectory(Path directory) {
		return new ReportOptions(Objects.requireNonNull(directory, "directory"), this.enabled, this.projectName,
				this.streamRedaction, this.allowlistSource, this.environment);
	}

	/**
	 * Set whether the report is written ({@code choreo.report.enabled}).
	 * @param enabled whether to write the report
	 * @return a copy with the switch set
	 */
	public ReportOptions withEnabled(boolean enabled) {
		return new ReportOptions(this.directory, enabled, this.projectName, this.streamRedaction, this.allowlistSource,
				this.environment);
	}

	/**
	 * Set the project name shown in the report ({@code choreo.report.project-name}).
	 * @param projectName the name
	 * @return a copy with the name set
	 */
	public ReportOptions withProjectName(String projectName) {
		return new ReportOptions(this.directory, this.enabled, Objects.requireNonNull(projectName, "projectName"),
				this.streamRedaction, this.allowlistSource, this.environment);
	}

	/**
	 * Set whether captured output is scrubbed of secrets by the built-in text patterns
	 * ({@code choreo.report.stream-redaction}, default {@code true}). Structured payloads
	 * and failure texts are always redacted.
	 * @param streamRedaction whether to scrub captured output
	 * @return a copy with the switch set
	 */
	public ReportOptions withStreamRedaction(boolean streamRedaction) {
		return new ReportOptions(this.directory, this.enabled, this.projectName, streamRedaction, this.allowlistSource,
				this.environment);
	}

	/**
	 * Set where the harnesses' allowlist came from (a file or a description such as
	 * {@code choreo.allowlist properties}), shown as {@code run.allowlist_path}.
	 * @param allowlistSource the source
	 * @return a copy with the source set
	 */
	public ReportOptions withAllowlistSource(String allowlistSource) {
		return new ReportOptions(this.directory, this.enabled, this.projectName, this.streamRedaction,
				Objects.requireNonNull(allowlistSource, "allowlistSource"), this.environment);
	}

	/**
	 * Set the name of the environment the tests ran in
	 * ({@code choreo.report.environment}).
	 * @param environment the environment name
	 * @return a copy with the environment set
	 */
	public ReportOptions withEnvironment(String environment) {
		return new ReportOptions(this.directory, this.enabled, this.projectName, this.streamRedaction,
				this.allowlistSource, Objects.requireNonNull(environment, "environment"));
	}

	@Nullable Path directory() {
		return this.directory;
	}

	@Nullable Boolean enabled() {
		return this.enabled;
	}

	@Nullable String projectName() {
		return this.projectName;
	}

	@Nullable Boolean streamRedaction() {
		return this.streamRedaction;
	}

	@Nullable String allowlistSource() {
		return this.allowlistSource;
	}

	@Nullable String environment() {
		return this.environment;
	}

	@Override
	public String toString() {
		return "ReportOptions[directory=" + this.directory + ", enabled=" + this.enabled + ", projectName="
				+ this.projectName + ", streamRedaction=" + this.streamRedaction + ", allowlistSource="
				+ this.allowlistSource + ", environment=" + this.environment + "]";
	}

}

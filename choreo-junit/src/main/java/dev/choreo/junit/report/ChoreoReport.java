package dev.choreo.junit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Configures the Choreo test report from code. The report itself needs no code: it is
 * written at the end of every test run that has {@code choreo-junit} on its class path,
 * to {@code target/choreo-report} by default ({@code build/choreo-report} in a Gradle
 * build). <pre class="code">
 * ChoreoReport.configure(ReportOptions.empty().withProjectName("orders-service"));
 * ChoreoReport.registerRedactor((text) -&gt; text.replaceAll("ACME-\\d+", "ACME-&lt;redacted&gt;"));
 * </pre> Settings given here win over the {@code choreo.report.*} system properties,
 * which win over the JUnit configuration parameters of the same names
 * ({@code junit-platform.properties}). They are read when the report is written, so they
 * may be given while the tests run.
 *
 * @since 0.1.0
 */
public final class ChoreoReport {

	/**
	 * The class path resource of the JSON Schema (draft 2020-12) of {@code results.json}.
	 */
	public static final String SCHEMA_RESOURCE = "META-INF/choreo/test-report-v1.schema.json";

	private static volatile ReportOptions options = ReportOptions.empty();

	private static final CopyOnWriteArrayList<Redactor> registered = new CopyOnWriteArrayList<>();

	private static final List<Redactor> discovered = discover();

	private ChoreoReport() {
	}

	/**
	 * Set the report's settings from code, replacing those set before.
	 * @param options the options; unset ones fall through to system properties,
	 * configuration parameters and defaults
	 */
	public static void configure(ReportOptions options) {
		ChoreoReport.options = Objects.requireNonNull(options, "options");
	}

	/**
	 * Forget the settings given with {@link #configure(ReportOptions)}.
	 */
	public static void clearConfiguration() {
		options = ReportOptions.empty();
	}

	/**
	 * Register a redactor applied to everything the report writes. Registering the same
	 * redactor twice has no effect.
	 * @param redactor the redactor
	 */
	public static void registerRedactor(Redactor redactor) {
		registered.addIfAbsent(Objects.requireNonNull(redactor, "redactor"));
	}

	/**
	 * Unregister a redactor. Unregistering one that is not registered does nothing.
	 * @param redactor the redactor
	 */
	public static void unregisterRedactor(Redactor redactor) {
		registered.remove(redactor);
	}

	static ReportOptions options() {
		return options;
	}

	static List<Redactor> redactors() {
		if (registered.isEmpty()) {
			return discovered;
		}
		List<Redactor> all = new ArrayList<>(discovered);
		all.addAll(registered);
		return all;
	}

	private static List<Redactor> discover() {
		List<Redactor> found = new ArrayList<>();
		try {
			ServiceLoader.load(Redactor.class, ChoreoReport.class.getClassLoader()).forEach(found::add);
		}
		catch (RuntimeException | ServiceConfigurationError | LinkageError ex) {
			ReportLog.failed("loading Redactor services", ex);
		}
		return List.copyOf(found);
	}

}

package dev.choreo.junit.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Properties;

import dev.choreo.internal.Versions;
import org.jspecify.annotations.Nullable;

/**
 * Facts about this JVM and checkout for the report's {@code run} record, read once.
 *
 * @param javaVersion the Java runtime, such as {@code 17.0.12 (Eclipse Adoptium)}
 * @param runtime the runtime in parts, for the {@code run.runtime} record
 * @param harnessVersion Choreo's version
 * @param reporterVersion the report's version
 * @param hostname the host name
 * @param git the checkout's commit and branch
 */
record RunInfo(String javaVersion, JavaRuntime runtime, String harnessVersion, String reporterVersion, String hostname,
		GitInfo git) {

	private static final String SPRING_BOOT_VERSION = "org.springframework.boot.SpringBootVersion";

	private static volatile @Nullable RunInfo current;

	static RunInfo current() {
		RunInfo info = current;
		if (info == null) {
			info = read();
			current = info;
		}
		return info;
	}

	private static RunInfo read() {
		String reporter = readReporterVersion();
		String harness = Versions.choreo();
		if ("unknown".equals(harness)) {
			harness = reporter;
		}
		return new RunInfo(runtimeVersion(), JavaRuntime.current(), harness, reporter, hostName(),
				GitInfo.of(Path.of("")));
	}

	/**
	 * Return the version a class's static {@code getVersion()} reports, as Spring Boot's
	 * {@code SpringBootVersion} does, or {@code null} when the class is absent, has no
	 * such method or knows no version.
	 * @param loader the class loader to look in
	 * @param className the class
	 * @return the version or {@code null}
	 */
	static @Nullable String staticVersion(@Nullable ClassLoader loader, String className) {
		try {
			Class<?> type = Class.forName(className, false, loader);
			Object version = type.getMethod("getVersion").invoke(null);
			return (version instanceof String text && !text.isBlank()) ? text : null;
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			return null;
		}
	}

	private static String runtimeVersion() {
		String version = System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
		String vendor = System.getProperty("java.vendor.version", System.getProperty("java.vendor"));
		return (vendor != null && !vendor.isBlank()) ? version + " (" + vendor + ")" : version;
	}

	static String readReporterVersion() {
		try (InputStream in = RunInfo.class.getClassLoader()
			.getResourceAsStream("META-INF/choreo/reporter.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				if (version != null && !version.isBlank() && !version.startsWith("$")) {
					return version;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// fall through to the manifest
		}
		String manifest = RunInfo.class.getPackage().getImplementationVersion();
		return (manifest != null) ? manifest : "unknown";
	}

	private static String hostName() {
		String fromEnv = System.getenv("HOSTNAME");
		try {
			String name = InetAddress.getLocalHost().getHostName();
			if (name != null && !name.isBlank()) {
				return name;
			}
		}
		catch (IOException | RuntimeException ex) {
			// fall through
		}
		return (fromEnv != null && !fromEnv.isBlank()) ? fromEnv : "unknown";
	}

	/**
	 * The Java runtime the tests ran on, with the Spring Boot version when one is on the
	 * class path.
	 *
	 * @param name always {@code java}
	 * @param version the Java version, such as {@code 17.0.12}
	 * @param vendor the Java vendor, such as {@code Eclipse Adoptium}
	 * @param springBoot the Spring Boot version on the test class path, or {@code null}
	 */
	record JavaRuntime(String name, String version, String vendor, @Nullable String springBoot) {

		static JavaRuntime current() {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			return new JavaRuntime("java", System.getProperty("java.version", "unknown"),
					System.getProperty("java.vendor", "unknown"),
					staticVersion((loader != null) ? loader : RunInfo.class.getClassLoader(), SPRING_BOOT_VERSION));
		}

	}

}

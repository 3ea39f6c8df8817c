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
 * @param harnessVersion Choreo's version
 * @param reporterVersion the report's version
 * @param hostname the host name
 * @param git the checkout's commit and branch
 */
record RunInfo(String javaVersion, String harnessVersion, String reporterVersion, String hostname, GitInfo git) {

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
		return new RunInfo(runtimeVersion(), harness, reporter, hostName(), GitInfo.of(Path.of("")));
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

}

package dev.choreo.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Stage;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.junit.report.ChoreoReport;
import dev.choreo.junit.report.ReportOptions;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.Transport;
import org.jspecify.annotations.Nullable;

/**
 * The connected harnesses of one {@link EnableChoreo} test class, one per configured
 * broker, and the stage over them.
 */
final class ClassHarnesses implements AutoCloseable {

	private final Map<String, Harness> harnesses;

	private final Stage stage;

	private final @Nullable String defaultName;

	private ClassHarnesses(Map<String, Harness> harnesses, Stage stage, @Nullable String defaultName) {
		this.harnesses = harnesses;
		this.stage = stage;
		this.defaultName = defaultName;
	}

	/**
	 * Build and connect a harness for every configured broker; on a failure, close those
	 * already connected.
	 * @param settings the settings
	 * @param loader the test class's class loader
	 * @return the harnesses
	 * @throws IllegalStateException if no broker is configured, a module is missing, an
	 * endpoint is not allowed, or a setting is wrong
	 */
	static ClassHarnesses connect(ChoreoSettings settings, ClassLoader loader) {
		configureReport(settings);
		List<Broker> brokers = new ArrayList<>();
		for (Broker broker : Broker.values()) {
			if (broker.isConfigured(settings)) {
				brokers.add(broker);
			}
		}
		if (brokers.isEmpty()) {
			throw new IllegalStateException("@EnableChoreo found no broker to connect to: set"
					+ " choreo.kafka.bootstrap-servers, choreo.rabbit.uri (or choreo.rabbit.host), choreo.nats.servers"
					+ " or choreo.redis.url in choreo.yml on the test class path, in @EnableChoreo(properties), or as a"
					+ " CHOREO_* environment variable");
		}
		String defaultName = defaultName(settings, brokers);
		Allowlist allowlist = allowlist(settings, loader);
		Map<String, Harness> harnesses = new LinkedHashMap<>();
		try {
			for (Broker broker : brokers) {
				Transport transport = broker.transport(settings, loader);
				harnesses.put(broker.harnessName(), connect(broker.harnessName(), transport, settings, allowlist));
			}
		}
		catch (RuntimeException ex) {
			harnesses.values().forEach(Harness::close);
			throw ex;
		}
		return new ClassHarnesses(harnesses, stage(settings, harnesses), defaultName);
	}

	private static @Nullable String defaultName(ChoreoSettings settings, List<Broker> brokers) {
		String name = settings.string("choreo.default-transport");
		if (name == null) {
			return (brokers.size() == 1) ? brokers.get(0).harnessName() : null;
		}
		List<String> names = brokers.stream().map(Broker::harnessName).toList();
		if (!names.contains(name)) {
			throw new IllegalStateException(
					"choreo.default-transport (from " + settings.origin("choreo.default-transport") + ") is '" + name
							+ "', but the harnesses are " + names + "; set it to one of them or remove it");
		}
		return name;
	}

	private static Harness connect(String name, Transport transport, ChoreoSettings settings, Allowlist allowlist) {
		Harness harness = Harness.builder(transport)
			.name(name)
			.correlation(correlation(settings))
			.defaultTimeout(settings.duration("choreo.default-timeout", Duration.ofSeconds(5)))
			.subscribeTimeout(settings.duration("choreo.subscribe-timeout", Duration.ofSeconds(10)))
			.slowFails(settings.bool("choreo.slow-fails", true))
			.keepTimelines(settings.bool("choreo.keep-timelines", false))
			.allowlist(allowlist)
			.build();
		try {
			return harness.connect();
		}
		catch (EndpointNotAllowedException ex) {
			harness.close();
			throw new IllegalStateException(ex.getMessage() + ". To let tests use it, add it to choreo.allowlist."
					+ propertyName(ex.category()) + allowlistFileHint(settings), ex);
		}
		catch (RuntimeException ex) {
			harness.close();
			throw ex;
		}
	}

	private static String propertyName(EndpointCategory category) {
		return category.key().replace('_', '-').toLowerCase(Locale.ROOT);
	}

	private static String allowlistFileHint(ChoreoSettings settings) {
		String file = settings.string("choreo.allowlist.file");
		return (file != null) ? " (or to the file set by choreo.allowlist.file, " + file + ")" : "";
	}

	private static CorrelationPolicy correlation(ChoreoSettings settings) {
		String policy = settings.string("choreo.correlation.policy", "none");
		String field = settings.string("choreo.correlation.field", "correlation_id");
		String prefix = settings.string("choreo.correlation.prefix", "");
		return switch (policy.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
			case "none" -> CorrelationPolicy.none();
			case "field" -> CorrelationPolicy.field(field, prefix);
			case "test-namespace" -> CorrelationPolicy.testNamespace(field);
			case "header" ->
				CorrelationPolicy.header(settings.string("choreo.correlation.header", "x-correlation-id"), prefix);
			default ->
				throw settings.invalid("choreo.correlation.policy", policy, "none, field, test-namespace or header");
		};
	}

	/**
	 * Read the allowlist: the file set by {@code choreo.allowlist.file} (a file, or a
	 * {@code classpath:} resource), or the inline lists.
	 */
	private static Allowlist allowlist(ChoreoSettings settings, ClassLoader loader) {
		String file = settings.string("choreo.allowlist.file");
		if (file != null) {
			return readAllowlist(file, loader);
		}
		return Allowlist.builder()
			.source("choreo.allowlist settings")
			.allowLoopback(settings.bool("choreo.allowlist.loopback", true))
			.allow(EndpointCategory.NATS, settings.list("choreo.allowlist.nats-servers").toArray(String[]::new))
			.allow(EndpointCategory.KAFKA, settings.list("choreo.allowlist.kafka-brokers").toArray(String[]::new))
			.allow(EndpointCategory.AMQP, settings.list("choreo.allowlist.amqp-brokers").toArray(String[]::new))
			.allow(EndpointCategory.REDIS, settings.list("choreo.allowlist.redis-servers").toArray(String[]::new))
			.build();
	}

	private static Allowlist readAllowlist(String file, ClassLoader loader) {
		try {
			if (file.startsWith("classpath:")) {
				String name = file.substring("classpath:".length()).replaceFirst("^/", "");
				URL resource = loader.getResource(name);
				if (resource == null) {
					throw new IllegalStateException(
							"The allowlist file set by choreo.allowlist.file is not on the class path: " + file);
				}
				try (InputStream input = resource.openStream()) {
					return Allowlist.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), file);
				}
			}
			Path path = Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file);
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException("The allowlist file set by choreo.allowlist.file does not exist: "
						+ path.toAbsolutePath() + " (use classpath: for a file on the test class path)");
			}
			return Allowlist.parse(Files.readString(path), path.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The allowlist file set by choreo.allowlist.file cannot be read: " + file
					+ " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static Stage stage(ChoreoSettings settings, Map<String, Harness> harnesses) {
		Stage.Builder builder = Stage.builder()
			.defaultTimeout(settings.duration("choreo.default-timeout", Duration.ofSeconds(5)))
			.slowFails(settings.bool("choreo.slow-fails", true))
			.keepTimelines(settings.bool("choreo.keep-timelines", false));
		harnesses.forEach(builder::harness);
		return builder.build();
	}

	private static void configureReport(ChoreoSettings settings) {
		if (!settings.has("choreo.report.directory") && !settings.has("choreo.report.enabled")
				&& !settings.has("choreo.report.project-name") && !settings.has("choreo.allowlist.file")) {
			return;
		}
		String file = settings.string("choreo.allowlist.file");
		ReportOptions options = ReportOptions.empty()
			.withAllowlistSource((file != null) ? file : "choreo.allowlist settings");
		String directory = settings.string("choreo.report.directory");
		if (directory != null) {
			options = options.withDirectory(Path.of(directory));
		}
		if (settings.has("choreo.report.enabled")) {
			options = options.withEnabled(settings.bool("choreo.report.enabled", true));
		}
		String projectName = settings.string("choreo.report.project-name");
		if (projectName != null) {
			options = options.withProjectName(projectName);
		}
		ChoreoReport.configure(options);
	}

	/**
	 * Return the harness with a name.
	 * @param name the name
	 * @return the harness
	 * @throws IllegalArgumentException if there is none
	 */
	Harness harness(String name) {
		Harness harness = this.harnesses.get(name);
		if (harness == null) {
			throw new IllegalArgumentException("No Choreo harness named '" + name + "'; this test class has "
					+ this.harnesses.keySet() + " (a broker's harness exists when its address is configured)");
		}
		return harness;
	}

	/**
	 * Return the default harness.
	 * @return the harness
	 * @throws IllegalArgumentException if there are several and none is the default
	 */
	Harness defaultHarness() {
		if (this.defaultName == null) {
			throw new IllegalArgumentException("Several Choreo harnesses " + this.harnesses.keySet()
					+ " and none is the default: annotate the parameter with @ChoreoHarness(\"" + firstName()
					+ "\"), set choreo.default-transport, or take a StageScenario");
		}
		return harness(this.defaultName);
	}

	private String firstName() {
		return this.harnesses.keySet().iterator().next();
	}

	Stage stage() {
		return this.stage;
	}

	@Override
	public void close() {
		this.stage.close();
	}

}

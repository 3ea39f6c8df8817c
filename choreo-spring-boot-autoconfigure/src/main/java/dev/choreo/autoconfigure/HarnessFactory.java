package dev.choreo.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.choreo.Codec;
import dev.choreo.Harness;
import dev.choreo.ScenarioObserver;
import dev.choreo.Unidentified;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Allowlist;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.Transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;

/**
 * Builds and connects harnesses configured from {@code choreo.*} properties, the
 * application's {@link CorrelationPolicy}, {@link Codec}, {@link ScenarioObserver} and
 * {@link HarnessCustomizer} beans. Choreo's auto-configurations use it for every broker;
 * use it to build further harnesses configured the same way.
 *
 * @since 0.1.0
 */
public final class HarnessFactory {

	private final ChoreoProperties properties;

	private final ObjectProvider<CorrelationPolicy> correlation;

	private final ObjectProvider<Codec> codec;

	private final ObjectProvider<ScenarioObserver> observers;

	private final ObjectProvider<HarnessCustomizer> customizers;

	private final HarnessReadiness readiness;

	HarnessFactory(ChoreoProperties properties, ObjectProvider<CorrelationPolicy> correlation,
			ObjectProvider<Codec> codec, ObjectProvider<ScenarioObserver> observers,
			ObjectProvider<HarnessCustomizer> customizers, HarnessReadiness readiness) {
		this.properties = properties;
		this.correlation = correlation;
		this.codec = codec;
		this.observers = observers;
		this.customizers = customizers;
		this.readiness = readiness;
	}

	/**
	 * Build a harness over a transport and connect it.
	 * @param name the harness name
	 * @param transport the transport
	 * @return the harness, connected unless its broker cannot be reached
	 * @throws IllegalStateException if an endpoint of the transport is not on the
	 * allowlist; the message names the property that allows it
	 * @see #connect(String, Transport, String)
	 */
	public Harness connect(String name, Transport transport) {
		return connect(name, transport, "the application's configuration");
	}

	/**
	 * Build a harness over a transport and connect it. A broker that cannot be reached
	 * does not stop the application context: the harness stays disconnected, a warning is
	 * logged, and every test that uses the harness fails with a message that names the
	 * broker, the configuration and what to do, until a later use connects.
	 * @param name the harness name
	 * @param transport the transport
	 * @param configuredBy what configured the broker's address, named in messages, such
	 * as {@code spring.rabbitmq.addresses}
	 * @return the harness, connected unless its broker cannot be reached
	 * @throws IllegalStateException if an endpoint of the transport is not on the
	 * allowlist; the message names the property that allows it
	 */
	public Harness connect(String name, Transport transport, String configuredBy) {
		Harness harness = builder(name, transport).build();
		this.readiness.register(harness, configuredBy);
		try {
			this.readiness.connect(harness);
		}
		catch (EndpointNotAllowedException ex) {
			Resource file = this.properties.getAllowlist().getFile();
			throw new AllowlistRefusedException(name, (file != null) ? file.getDescription() : null, ex);
		}
		return harness;
	}

	private static Unidentified unidentified(ChoreoProperties.Correlation.Unidentified unidentified) {
		return switch (unidentified) {
			case IGNORE -> Unidentified.IGNORE;
			case BROADCAST -> Unidentified.BROADCAST;
		};
	}

	/**
	 * Return a builder over a transport configured from the properties and beans, before
	 * customizers run.
	 * @param name the harness name
	 * @param transport the transport
	 * @return the builder
	 */
	public Harness.Builder builder(String name, Transport transport) {
		Harness.Builder builder = Harness.builder(transport)
			.name(name)
			.correlation(this.correlation.getIfAvailable(this::correlationFromProperties))
			.defaultTimeout(this.properties.getDefaultTimeout())
			.subscribeTimeout(this.properties.getSubscribeTimeout())
			.slowFails(this.properties.isSlowFails())
			.keepTimelines(this.properties.isKeepTimelines())
			.warnWithoutCorrelation(false)
			.unidentified(unidentified(this.properties.getCorrelation().getUnidentified()))
			.readinessCheck(this.readiness);
		applyAllowlist(builder);
		Codec codec = this.codec.getIfAvailable();
		if (codec != null) {
			builder.codec(codec);
		}
		this.observers.orderedStream().forEach(builder::observer);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(name, builder));
		return builder;
	}

	private CorrelationPolicy correlationFromProperties() {
		ChoreoProperties.Correlation correlation = this.properties.getCorrelation();
		return switch (correlation.getPolicy()) {
			case NONE -> CorrelationPolicy.none();
			case FIELD -> CorrelationPolicy.field(correlation.getField(), correlation.getPrefix());
			case TEST_NAMESPACE -> CorrelationPolicy.testNamespace(correlation.getField());
			case HEADER -> CorrelationPolicy.header(correlation.getHeader(), correlation.getPrefix());
		};
	}

	private void applyAllowlist(Harness.Builder builder) {
		Resource file = this.properties.getAllowlist().getFile();
		if (file != null && file.isFile()) {
			try {
				builder.allowlist(file.getFile().toPath());
				return;
			}
			catch (IOException ex) {
				// not a file after all: read it once below
			}
		}
		builder.allowlist(allowlist());
	}

	Allowlist allowlist() {
		ChoreoProperties.Allowlist settings = this.properties.getAllowlist();
		Resource file = settings.getFile();
		if (file != null) {
			return readAllowlist(file);
		}
		return Allowlist.builder()
			.source("choreo.allowlist properties")
			.allowLoopback(settings.isLoopback())
			.allow(EndpointCategory.NATS, settings.getNatsServers().toArray(String[]::new))
			.allow(EndpointCategory.KAFKA, settings.getKafkaBrokers().toArray(String[]::new))
			.allow(EndpointCategory.AMQP, settings.getAmqpBrokers().toArray(String[]::new))
			.allow(EndpointCategory.REDIS, settings.getRedisServers().toArray(String[]::new))
			.build();
	}

	private static Allowlist readAllowlist(Resource file) {
		if (!file.exists()) {
			throw new IllegalStateException(
					"The allowlist file set by choreo.allowlist.file does not exist: " + file.getDescription());
		}
		try (InputStream input = file.getInputStream()) {
			return Allowlist.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), file.getDescription());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The allowlist file set by choreo.allowlist.file cannot be read: "
					+ file.getDescription() + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	List<ScenarioObserver> observers() {
		return this.observers.orderedStream().toList();
	}

}

package dev.choreo.testcontainers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Decides how each broker is provided and remembers it for the rest of the JVM, so every
 * test that asks for a broker gets the same one.
 */
final class BrokerProvisioning {

	private static final BrokerProvisioning shared = new BrokerProvisioning(new SystemEnvironment());

	private final Environment environment;

	private final Map<Broker, Provision> provisions = new EnumMap<>(Broker.class);

	BrokerProvisioning(Environment environment) {
		this.environment = environment;
	}

	static BrokerProvisioning shared() {
		return shared;
	}

	synchronized Provision provision(Broker broker) {
		return this.provisions.computeIfAbsent(broker, this::decide);
	}

	private Provision decide(Broker broker) {
		String configured = this.environment.variable("CHOREO_" + broker.name() + "_URL");
		if (broker == Broker.KAFKA && configured == null) {
			configured = this.environment.variable("CHOREO_KAFKA_BOOTSTRAP");
		}
		if (configured != null && !configured.isBlank()) {
			return Provision.provided(broker, "configured", properties(broker, configured));
		}
		if (this.environment.isListening("127.0.0.1", broker.defaultPort())) {
			return Provision.provided(broker, "local", properties(broker, local(broker)));
		}
		if (this.environment.isDockerAvailable() && this.environment.canContain(broker)) {
			return Provision.provided(broker, "container", properties(broker, this.environment.startContainer(broker)));
		}
		if (broker == Broker.KAFKA && this.environment.canEmbedKafka()) {
			return Provision.provided(broker, "embedded", properties(broker, this.environment.startEmbeddedKafka()));
		}
		return Provision.missing(broker, missingReason(broker));
	}

	static String missingReason(Broker broker) {
		return broker.displayName() + " is not listening on 127.0.0.1:" + broker.defaultPort() + ", CHOREO_"
				+ broker.name() + "_URL is not set"
				+ ((broker == Broker.KAFKA) ? ", CHOREO_KAFKA_BOOTSTRAP is not set" : "") + ", Docker is not available"
				+ ((broker == Broker.KAFKA) ? " and spring-kafka-test is not on the class path" : "") + "; start "
				+ broker.displayName() + " locally or set CHOREO_" + broker.name() + "_URL";
	}

	private static String local(Broker broker) {
		return switch (broker) {
			case KAFKA -> "127.0.0.1:9092";
			case RABBITMQ -> "127.0.0.1:5672";
			case NATS -> "nats://127.0.0.1:4222";
			case REDIS -> "redis://127.0.0.1:6379";
		};
	}

	static Map<String, String> properties(Broker broker, String address) {
		return switch (broker) {
			case KAFKA -> Map.of("spring.kafka.bootstrap-servers", address);
			case RABBITMQ -> Map.of("spring.rabbitmq.addresses", address);
			case NATS -> Map.of("choreo.nats.servers", address);
			case REDIS -> Map.of("spring.data.redis.url", address);
		};
	}

	/**
	 * What the provisioning needs from the machine, replaceable in tests.
	 */
	interface Environment {

		@Nullable String variable(String name);

		boolean isListening(String host, int port);

		boolean isDockerAvailable();

		String startContainer(Broker broker);

		default boolean canContain(Broker broker) {
			return true;
		}

		boolean canEmbedKafka();

		String startEmbeddedKafka();

	}

	/**
	 * The real machine.
	 */
	static final class SystemEnvironment implements Environment {

		private final Function<Broker, String> containers = new Containers();

		@Override
		public @Nullable String variable(String name) {
			return System.getenv(name);
		}

		@Override
		public boolean isListening(String host, int port) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public boolean isDockerAvailable() {
			return Containers.isDockerAvailable();
		}

		@Override
		public String startContainer(Broker broker) {
			return this.containers.apply(broker);
		}

		@Override
		public boolean canContain(Broker broker) {
			return Containers.supports(broker);
		}

		@Override
		public boolean canEmbedKafka() {
			return EmbeddedKafka.isAvailable();
		}

		@Override
		public String startEmbeddedKafka() {
			return EmbeddedKafka.start();
		}

	}

}

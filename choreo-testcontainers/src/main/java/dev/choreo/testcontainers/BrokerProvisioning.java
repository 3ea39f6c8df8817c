package dev.choreo.testcontainers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import dev.choreo.transport.SafeUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how each broker is provided and remembers it for the rest of the JVM, so every
 * test that asks for a broker gets the same one. Says once per broker what it chose.
 */
final class BrokerProvisioning {

	private static final Logger logger = LoggerFactory.getLogger(BrokerProvisioning.class);

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
		Provision provision = this.provisions.get(broker);
		if (provision == null) {
			provision = decide(broker);
			this.provisions.put(broker, provision);
			if (!provision.isMissing()) {
				logger.info(chosen(provision));
			}
		}
		return provision;
	}

	private Provision decide(Broker broker) {
		String variable = "CHOREO_" + broker.name() + "_URL";
		String configured = this.environment.variable(variable);
		if (broker == Broker.KAFKA && configured == null) {
			variable = "CHOREO_KAFKA_BOOTSTRAP";
			configured = this.environment.variable(variable);
		}
		if (configured != null && !configured.isBlank()) {
			return Provision.provided(broker, "the environment variable " + variable, properties(broker, configured));
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

	static String chosen(Provision provision) {
		Broker broker = provision.broker();
		String how = switch (provision.source()) {
			case "local" -> "the one already listening on 127.0.0.1:" + broker.defaultPort();
			case "container" -> "a container started for the rest of this JVM";
			case "embedded" -> "an in-process KRaft broker (spring-kafka-test) started for the rest of this JVM";
			default -> "the one named by " + provision.source();
		};
		StringBuilder properties = new StringBuilder();
		provision.properties()
			.forEach((name, value) -> properties.append((properties.length() > 0) ? ", " : "")
				.append(name)
				.append('=')
				.append(SafeUrl.redact(value)));
		return "@ProvisionBrokers: " + broker.displayName() + " is " + how + " (" + properties + ")";
	}

	static String missingReason(Broker broker) {
		boolean kafka = broker == Broker.KAFKA;
		return broker.displayName() + " is not listening on 127.0.0.1:" + broker.defaultPort() + ", CHOREO_"
				+ broker.name() + "_URL is not set" + (kafka ? ", CHOREO_KAFKA_BOOTSTRAP is not set" : "")
				+ ", Docker is not available"
				+ (kafka ? " and the in-process broker needs org.springframework.kafka:spring-kafka-test on the test"
						+ " class path" : "")
				+ "; start " + broker.displayName() + " locally" + (kafka ? ", " : " or ") + "set CHOREO_"
				+ broker.name() + "_URL"
				+ (kafka ? " or add org.springframework.kafka:spring-kafka-test as a test dependency" : "");
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

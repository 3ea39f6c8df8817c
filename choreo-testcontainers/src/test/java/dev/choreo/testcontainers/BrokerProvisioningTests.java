package dev.choreo.testcontainers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BrokerProvisioning} and {@link ProvisionBrokersCondition} with a
 * simulated machine.
 */
class BrokerProvisioningTests {

	private final FakeEnvironment environment = new FakeEnvironment();

	private final BrokerProvisioning provisioning = new BrokerProvisioning(this.environment);

	@Test
	void usesABrokerListeningOnItsLocalPortFirst() {
		this.environment.listening.add(4222);
		this.environment.docker = true;
		Provision nats = this.provisioning.provision(Broker.NATS);
		assertThat(nats.source()).isEqualTo("local");
		assertThat(nats.properties()).containsExactly(Map.entry("choreo.nats.servers", "nats://127.0.0.1:4222"));
		assertThat(this.environment.started).isEmpty();
	}

	@Test
	void prefersAnAddressFromTheEnvironment() {
		this.environment.variables.put("CHOREO_KAFKA_BOOTSTRAP", "broker.test:19092");
		this.environment.listening.add(9092);
		Provision kafka = this.provisioning.provision(Broker.KAFKA);
		assertThat(kafka.source()).isEqualTo("the environment variable CHOREO_KAFKA_BOOTSTRAP");
		assertThat(kafka.properties())
			.containsExactly(Map.entry("spring.kafka.bootstrap-servers", "broker.test:19092"));
	}

	@Test
	void startsAContainerWhenNothingListensAndDockerIsThere() {
		this.environment.docker = true;
		Provision redis = this.provisioning.provision(Broker.REDIS);
		assertThat(redis.source()).isEqualTo("container");
		assertThat(redis.properties()).containsExactly(Map.entry("spring.data.redis.url", "container-of-REDIS"));
		assertThat(this.environment.started).containsExactly("REDIS");
	}

	@Test
	void embedsKafkaWithoutDocker() {
		this.environment.embeddable = true;
		Provision kafka = this.provisioning.provision(Broker.KAFKA);
		assertThat(kafka.source()).isEqualTo("embedded");
		assertThat(kafka.properties()).containsExactly(Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:39092"));
	}

	@Test
	void saysWhyABrokerIsMissing() {
		Provision rabbit = this.provisioning.provision(Broker.RABBITMQ);
		assertThat(rabbit.isMissing()).isTrue();
		assertThat(rabbit.missingReason())
			.isEqualTo("RabbitMQ is not listening on 127.0.0.1:5672, CHOREO_RABBITMQ_URL is"
					+ " not set, Docker is not available; start RabbitMQ locally or set CHOREO_RABBITMQ_URL");
		assertThat(this.provisioning.provision(Broker.KAFKA).missingReason()).isEqualTo("Kafka is not listening on"
				+ " 127.0.0.1:9092, CHOREO_KAFKA_URL is not set, CHOREO_KAFKA_BOOTSTRAP is not set, Docker is not"
				+ " available and the in-process broker needs org.springframework.kafka:spring-kafka-test on the test"
				+ " class path; start Kafka locally, set CHOREO_KAFKA_URL or add"
				+ " org.springframework.kafka:spring-kafka-test as a test dependency");
	}

	@Test
	void saysOncePerBrokerWhatItChose() {
		this.environment.listening.add(4222);
		this.environment.docker = true;
		this.environment.embeddable = true;
		this.environment.variables.put("CHOREO_RABBITMQ_URL", "amqp://ops:s3cret@rabbit.test:5672");
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(BrokerProvisioning.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		logs.start();
		logger.addAppender(logs);
		try {
			for (int i = 0; i < 2; i++) {
				for (Broker broker : Broker.values()) {
					this.provisioning.provision(broker);
				}
			}
		}
		finally {
			logger.detachAppender(logs);
			logger.setLevel(level);
		}
		assertThat(logs.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
		assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly(
					"@ProvisionBrokers: Kafka is a container started for the rest of this JVM"
							+ " (spring.kafka.bootstrap-servers=container-of-KAFKA)",
					"@ProvisionBrokers: RabbitMQ is the one named by the environment variable CHOREO_RABBITMQ_URL"
							+ " (spring.rabbitmq.addresses=amqp://<redacted>@rabbit.test:5672)",
					"@ProvisionBrokers: NATS is the one already listening on 127.0.0.1:4222"
							+ " (choreo.nats.servers=nats://127.0.0.1:4222)",
					"@ProvisionBrokers: Redis is a container started for the rest of this JVM"
							+ " (spring.data.redis.url=container-of-REDIS)");
	}

	@Test
	void saysWhichInProcessKafkaItStarted() {
		this.environment.embeddable = true;
		assertThat(BrokerProvisioning.chosen(this.provisioning.provision(Broker.KAFKA)))
			.isEqualTo("@ProvisionBrokers: Kafka is an in-process KRaft broker (spring-kafka-test) started for the"
					+ " rest of this JVM (spring.kafka.bootstrap-servers=127.0.0.1:39092)");
	}

	@Test
	void decidesOncePerBroker() {
		this.environment.docker = true;
		this.provisioning.provision(Broker.NATS);
		this.provisioning.provision(Broker.NATS);
		assertThat(this.environment.started).containsExactly("NATS");
	}

	@Test
	void skipsATestWhoseBrokersAreMissingAndFailsItWhenRequired() {
		this.environment.listening.add(4222);
		ConditionEvaluationResult enabled = ProvisionBrokersCondition.evaluate(List.of(Broker.NATS), this.provisioning,
				false);
		assertThat(enabled.isDisabled()).isFalse();
		ConditionEvaluationResult skipped = ProvisionBrokersCondition.evaluate(List.of(Broker.NATS, Broker.REDIS),
				this.provisioning, false);
		assertThat(skipped.isDisabled()).isTrue();
		assertThat(skipped.getReason()).hasValue(BrokerProvisioning.missingReason(Broker.REDIS));
		assertThatIllegalStateException()
			.isThrownBy(() -> ProvisionBrokersCondition.evaluate(List.of(Broker.REDIS), this.provisioning, true))
			.withMessage(BrokerProvisioning.missingReason(Broker.REDIS)
					+ " (choreo.e2e.required is true, so this is an error)");
	}

	static final class FakeEnvironment implements BrokerProvisioning.Environment {

		final Map<String, String> variables = new HashMap<>();

		final List<Integer> listening = new ArrayList<>();

		final List<String> started = new ArrayList<>();

		boolean docker;

		boolean embeddable;

		@Override
		public @Nullable String variable(String name) {
			return this.variables.get(name);
		}

		@Override
		public boolean isListening(String host, int port) {
			return this.listening.contains(port);
		}

		@Override
		public boolean isDockerAvailable() {
			return this.docker;
		}

		@Override
		public String startContainer(Broker broker) {
			this.started.add(broker.name());
			return "container-of-" + broker.name();
		}

		@Override
		public boolean canEmbedKafka() {
			return this.embeddable;
		}

		@Override
		public String startEmbeddedKafka() {
			return "127.0.0.1:39092";
		}

	}

}

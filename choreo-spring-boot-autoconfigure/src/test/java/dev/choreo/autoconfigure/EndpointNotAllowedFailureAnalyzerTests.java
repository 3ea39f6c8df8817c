package dev.choreo.autoconfigure;

import dev.choreo.autoconfigure.kafka.ChoreoKafkaAutoConfiguration;
import dev.choreo.autoconfigure.nats.ChoreoNatsAutoConfiguration;
import dev.choreo.autoconfigure.rabbit.ChoreoRabbitAutoConfiguration;
import dev.choreo.autoconfigure.redis.ChoreoRedisAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link EndpointNotAllowedFailureAnalyzer}: what a refused endpoint prints
 * when the context fails to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointNotAllowedFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, RabbitAutoConfiguration.class,
				DataRedisAutoConfiguration.class, ChoreoAutoConfiguration.class, ChoreoKafkaAutoConfiguration.class,
				ChoreoRabbitAutoConfiguration.class, ChoreoRedisAutoConfiguration.class,
				ChoreoNatsAutoConfiguration.class))
		.withPropertyValues("choreo.rabbit.enabled=false", "choreo.redis.enabled=false");

	@Test
	void namesTheHarnessTheBrokerAndThePropertyThatAllowsIt() {
		FailureAnalysis analysis = analyze("spring.kafka.bootstrap-servers=broker-1.internal:9092");
		assertThat(analysis.getDescription()).isEqualTo("Choreo's kafka harness refused to connect to Kafka broker"
				+ " 'broker-1.internal:9092': it is not on the allowlist (choreo.allowlist properties).");
		assertThat(analysis.getAction()).isEqualTo(String.format(
				"If tests may use it, add it to the allowlist:%n%n    choreo.allowlist.kafka-brokers=broker-1.internal:9092%n"));
	}

	@Test
	void redactsCredentialsAndHintsWithTheHostAndPortOnly() {
		FailureAnalysis analysis = analyze("choreo.kafka.enabled=false",
				"choreo.nats.servers=nats://ops:pw@nats.prod.internal:4222");
		assertThat(analysis.getDescription()).isEqualTo("Choreo's nats harness refused to connect to NATS server"
				+ " 'nats://<redacted>@nats.prod.internal:4222': it is not on the allowlist (choreo.allowlist properties).");
		assertThat(analysis.getAction()).isEqualTo(String.format(
				"If tests may use it, add it to the allowlist:%n%n    choreo.allowlist.nats-servers=nats.prod.internal:4222%n"));
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("pw");
	}

	@Test
	void usesThePropertyOfEachBroker() {
		assertThat(analyze("choreo.kafka.enabled=false", "choreo.rabbit.enabled=true",
				"spring.rabbitmq.host=rabbit.prod.internal")
			.getAction()).contains("choreo.allowlist.amqp-brokers=rabbit.prod.internal:5672");
		assertThat(analyze("choreo.kafka.enabled=false", "choreo.redis.enabled=true",
				"spring.data.redis.url=redis://:s3cret@cache.prod.internal:6379")
			.getAction()).contains("choreo.allowlist.redis-servers=cache.prod.internal:6379");
	}

	@Test
	void saysThatLoopbackIsSwitchedOff() {
		FailureAnalysis analysis = analyze("spring.kafka.bootstrap-servers=127.0.0.1:9092",
				"choreo.allowlist.loopback=false");
		assertThat(analysis.getDescription()).isEqualTo("Choreo's kafka harness refused to connect to Kafka broker"
				+ " '127.0.0.1:9092': it is not on the allowlist, and choreo.allowlist.loopback is false.");
		assertThat(analysis.getAction()).isEqualTo(String.format(
				"If tests may use it, add it to the allowlist:%n%n    choreo.allowlist.kafka-brokers=127.0.0.1:9092%n"));
	}

	@Test
	void givesTheFileSpellingWhenAnAllowlistFileIsInUse() {
		FailureAnalysis analysis = analyze("spring.kafka.bootstrap-servers=broker-1.internal:9092",
				"choreo.allowlist.file=classpath:choreo/allowlist.yml");
		assertThat(analysis.getDescription()).isEqualTo("Choreo's kafka harness refused to connect to Kafka broker"
				+ " 'broker-1.internal:9092': it is not on the allowlist (class path resource [choreo/allowlist.yml],"
				+ " set by choreo.allowlist.file).");
		assertThat(analysis.getAction()).isEqualTo(String.format("If tests may use it, add it to the allowlist file"
				+ " set by choreo.allowlist.file (class path resource [choreo/allowlist.yml]):%n%n"
				+ "    kafka_brokers:%n      - broker-1.internal:9092%n%n"
				+ "or remove choreo.allowlist.file and set choreo.allowlist.kafka-brokers=broker-1.internal:9092"
				+ " (the choreo.allowlist.* lists are ignored while a file is set).%n"));
	}

	@Test
	void isWhatSpringBootPrintsWhenTheApplicationFailsToStart(CapturedOutput output) {
		SpringApplication application = new SpringApplication(RefusedKafkaApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application
			.run("--spring.kafka.bootstrap-servers=broker-1.internal:9092", "--choreo.report.enabled=false"));
		assertThat(output)
			.contains(String.format("Description:%n%nChoreo's kafka harness refused to connect to Kafka"
					+ " broker 'broker-1.internal:9092': it is not on the allowlist (choreo.allowlist properties).%n"))
			.contains(String.format("Action:%n%nIf tests may use it, add it to the allowlist:%n%n"
					+ "    choreo.allowlist.kafka-brokers=broker-1.internal:9092%n"));
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new EndpointNotAllowedFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, ChoreoAutoConfiguration.class,
			ChoreoKafkaAutoConfiguration.class })
	static class RefusedKafkaApplication {

	}

}

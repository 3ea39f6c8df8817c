package dev.choreo.sample;

import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.kafka.ChoreoKafkaAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowlist keeps tests off brokers they must not touch: pointing the service at a
 * non-local Kafka fails the test context before any socket opens, and says how to allow
 * it.
 */
class AllowlistTests {

	@Test
	void refusesANonLocalKafkaAndSaysWhichPropertyAllowsIt() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ChoreoAutoConfiguration.class,
					ChoreoKafkaAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=kafka.payments.prod.example:9092")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"Kafka broker 'kafka.payments.prod.example:9092' is not on the allowlist (source: choreo.allowlist properties)")
				.hasMessageContaining("To let tests use it, add it to choreo.allowlist.kafka-brokers"));
	}

}

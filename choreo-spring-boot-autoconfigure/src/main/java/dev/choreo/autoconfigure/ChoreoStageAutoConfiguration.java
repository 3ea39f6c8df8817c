package dev.choreo.autoconfigure;

import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Stage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link Stage} over every harness, named after its bean without
 * the {@code Harness} suffix ({@code kafkaHarness} is {@code kafka} on the stage).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = { "dev.choreo.autoconfigure.kafka.ChoreoKafkaAutoConfiguration",
				"dev.choreo.autoconfigure.rabbit.ChoreoRabbitAutoConfiguration",
				"dev.choreo.autoconfigure.nats.ChoreoNatsAutoConfiguration",
				"dev.choreo.autoconfigure.redis.ChoreoRedisAutoConfiguration",
				"dev.choreo.autoconfigure.stream.ChoreoStreamAutoConfiguration" })
@ConditionalOnBean(Harness.class)
public final class ChoreoStageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Stage choreoStage(Map<String, Harness> harnesses, ChoreoProperties properties) {
		Stage.Builder builder = Stage.builder()
			.defaultTimeout(properties.getDefaultTimeout())
			.slowFails(properties.isSlowFails())
			.keepTimelines(properties.isKeepTimelines());
		harnesses.forEach((beanName, harness) -> builder.harness(stageName(beanName), harness));
		return builder.build();
	}

	static String stageName(String beanName) {
		return (beanName.endsWith("Harness") && beanName.length() > "Harness".length())
				? beanName.substring(0, beanName.length() - "Harness".length()) : beanName;
	}

}

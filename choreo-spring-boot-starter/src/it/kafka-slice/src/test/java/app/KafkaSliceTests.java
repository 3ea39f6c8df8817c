package app;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ChoreoTest} in a Kafka-only service: Kafka and Choreo, and neither Spring
 * Integration nor Spring Cloud Stream (nor Spring Cloud Function).
 */
@ChoreoTest
class KafkaSliceTests {

	private static final String[] FOREIGN = { "org.springframework.integration.", "org.springframework.boot.integration.",
			"org.springframework.cloud.stream.", "org.springframework.cloud.function." };

	@Autowired
	private ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
	}

	@Test
	void loadsNoSpringIntegrationAndNoSpringCloudStream() {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(this.context.getBeanFactory());
		assertThat(report.getConditionAndOutcomesBySource().entrySet())
			.filteredOn((entry) -> entry.getValue().isFullMatch())
			.extracting(Map.Entry::getKey)
			.noneMatch(KafkaSliceTests::isForeign);
		assertThat(report.getUnconditionalClasses()).noneMatch(KafkaSliceTests::isForeign);
		for (String name : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(name);
			assertThat(name).matches((bean) -> !isForeign(bean), "bean name outside Integration and Cloud Stream");
			assertThat((type != null) ? type.getName() : "").matches((typeName) -> !isForeign(typeName),
					"type of bean " + name + " outside Integration and Cloud Stream");
		}
		assertThat(ClassUtils.isPresent("org.springframework.integration.core.MessageProducer", null))
			.as("Spring Integration on the test class path")
			.isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.cloud.stream.function.StreamBridge", null))
			.as("Spring Cloud Stream on the test class path")
			.isFalse();
	}

	@Test
	void getsAKafkaHarnessThatReachesTheBroker(Harness kafkaHarness, Scenario scenario) {
		assertThat(this.context.getBeansOfType(Harness.class)).containsOnlyKeys("kafkaHarness");
		assertThat(scenario).isNotNull();
		String topic = "choreo.fixture." + UUID.randomUUID();
		scenario.expect(topic, fieldEquals("sku", "A-1"));
		scenario.publish(topic, Map.of("sku", "A-1")).awaitAll(Duration.ofSeconds(30)).assertPassed();
	}

	private static boolean isForeign(String name) {
		for (String prefix : FOREIGN) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}

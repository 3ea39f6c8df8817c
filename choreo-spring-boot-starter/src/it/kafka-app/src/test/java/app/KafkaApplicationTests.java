package app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own test, which knows nothing of Choreo. It writes the auto-configurations
 * that matched and the beans of its context to the file named by the fixture.report
 * system property.
 */
@SpringBootTest
class KafkaApplicationTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
	}

	@Test
	void contextLoads() throws IOException {
		assertThat(this.context.getBeansOfType(KafkaTemplate.class)).isNotEmpty();
		ConditionEvaluationReport report = ConditionEvaluationReport.get(this.context.getBeanFactory());
		TreeSet<String> lines = new TreeSet<>();
		report.getConditionAndOutcomesBySource()
			.forEach((source, outcomes) -> lines.add((outcomes.isFullMatch() ? "matched " : "did-not-match ") + source));
		report.getUnconditionalClasses().forEach((source) -> lines.add("unconditional " + source));
		for (String name : this.context.getBeanDefinitionNames()) {
			lines.add("bean " + name);
		}
		Files.write(Path.of(System.getProperty("fixture.report")), new ArrayList<>(lines));
	}

}

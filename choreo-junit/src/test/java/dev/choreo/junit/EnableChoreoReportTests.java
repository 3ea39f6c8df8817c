package dev.choreo.junit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import dev.choreo.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The test report records the scenarios of {@code @EnableChoreo} tests: the fixture runs
 * in a launcher of its own, as a build runs a suite, and the report is read back.
 */
class EnableChoreoReportTests {

	@TempDir
	Path directory;

	@Test
	void theReportHoldsTheScenariosOfTheTests() throws IOException {
		LocalBrokers.require();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		try (LauncherSession session = LauncherFactory.openSession()) {
			session.getLauncher()
				.execute(request().selectors(selectClass(Reported.class))
					.configurationParameter("choreo.report.dir", this.directory.toString())
					.build(), summary);
		}
		assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
		JsonNode report = JsonMapper.builder().build().readTree(this.directory.resolve("results.json").toFile());
		JsonNode test = report.path("tests")
			.values()
			.stream()
			.filter((node) -> node.path("nodeid").asString().contains("#settlesTheOrder("))
			.findFirst()
			.orElseThrow();
		JsonNode scenario = test.path("scenarios").path(0);
		assertThat(scenario.path("name").asString()).isEqualTo("Reported.settlesTheOrder");
		assertThat(scenario.path("outcome").asString()).isEqualTo("pass");
		assertThat(scenario.path("correlation_id").asString()).isNotBlank();
	}

	@EnableChoreo(profiles = "local", properties = "choreo.default-transport=redis")
	static class Reported {

		@Test
		void settlesTheOrder(Scenario scenario) {
			String id = UUID.randomUUID().toString();
			scenario.expect("choreo.junit.report", fieldEquals("id", id));
			scenario.publish("choreo.junit.report", Map.of("id", id)).awaitAll().assertPassed();
		}

	}

}

package dev.choreo.junit.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSettingsTests {

	@AfterEach
	void clear() {
		ChoreoReport.clearConfiguration();
		System.clearProperty("choreo.report.project-name");
		System.clearProperty("choreo.report.enabled");
	}

	@Test
	void defaultsToTargetChoreoReportAndOn() {
		ReportSettings settings = ReportSettings.resolve(parameters(Map.of()));
		assertThat(settings.directory()).isEqualTo(Path.of("target/choreo-report").toAbsolutePath());
		assertThat(settings.enabled()).isTrue();
		assertThat(settings.streamRedaction()).isTrue();
		assertThat(settings.projectName()).isEqualTo(Path.of("").toAbsolutePath().getFileName().toString());
		assertThat(settings.allowlistSource()).isNull();
		assertThat(settings.environment()).isNotBlank();
	}

	@Test
	void takesTheFirstSettingFound() {
		Function<String, Optional<String>> parameters = parameters(
				Map.of("choreo.report.project-name", "from-parameter", "choreo.report.enabled", "false",
						"choreo.report.stream-redaction", "false", "choreo.report.allowlist-source", "allowlist.yml"));
		assertThat(ReportSettings.resolve(parameters).projectName()).isEqualTo("from-parameter");
		assertThat(ReportSettings.resolve(parameters).streamRedaction()).isFalse();
		assertThat(ReportSettings.resolve(parameters).allowlistSource()).isEqualTo("allowlist.yml");
		System.setProperty("choreo.report.project-name", "from-property");
		System.setProperty("choreo.report.enabled", "true");
		assertThat(ReportSettings.resolve(parameters).projectName()).isEqualTo("from-property");
		assertThat(ReportSettings.resolve(parameters).enabled()).isTrue();
		ChoreoReport.configure(ReportOptions.empty().withProjectName("from-code").withEnabled(false));
		assertThat(ReportSettings.resolve(parameters).projectName()).isEqualTo("from-code");
		assertThat(ReportSettings.resolve(parameters).enabled()).isFalse();
	}

	@Test
	void takesARelativeDirectoryFromTheWorkingDirectory() {
		ChoreoReport.configure(ReportOptions.empty().withDirectory(Path.of("build/../out/report")));
		assertThat(ReportSettings.resolve(parameters(Map.of())).directory())
			.isEqualTo(Path.of("out/report").toAbsolutePath());
	}

	@Test
	void treatsABlankProjectNameAsNone() {
		assertThat(ReportSettings.resolve(parameters(Map.of("choreo.report.project-name", "  "))).projectName())
			.isNull();
	}

	@Test
	void showsItsOptionsWithoutSecrets() {
		assertThat(ReportOptions.empty().withProjectName("shop").withEnvironment("ci")).hasToString(
				"ReportOptions[directory=null, enabled=null, projectName=shop, streamRedaction=null, allowlistSource=null,"
						+ " environment=ci]");
	}

	private static Function<String, Optional<String>> parameters(Map<String, String> values) {
		return (key) -> Optional.ofNullable(values.get(key));
	}

}

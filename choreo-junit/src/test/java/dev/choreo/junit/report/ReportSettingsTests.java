package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSettingsTests {

	@AfterEach
	void clear() {
		ChoreoReport.clearConfiguration();
		System.clearProperty("choreo.report.project-name");
		System.clearProperty("choreo.report.enabled");
		System.clearProperty("org.gradle.test.worker");
	}

	@Test
	void defaultsToBuildChoreoReportInAGradleTestWorker() {
		System.setProperty("org.gradle.test.worker", "7");
		assertThat(ReportSettings.resolve(parameters(Map.of())).directory())
			.isEqualTo(Path.of("build/choreo-report").toAbsolutePath());
	}

	@Test
	void defaultsToBuildChoreoReportInADirectoryWithAGradleBuildAndNoPom(@TempDir Path project) throws IOException {
		for (String buildFile : List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")) {
			Path gradle = Files.createDirectories(project.resolve("gradle-" + buildFile));
			Files.writeString(gradle.resolve(buildFile), "");
			assertThat(ReportSettings.defaultDirectory(gradle, null)).as(buildFile).isEqualTo("build/choreo-report");
		}
	}

	@Test
	void keepsTargetChoreoReportInAMavenBuild(@TempDir Path project) throws IOException {
		Files.writeString(project.resolve("pom.xml"), "<project/>");
		assertThat(ReportSettings.defaultDirectory(project, null)).isEqualTo("target/choreo-report");
		Files.writeString(project.resolve("build.gradle.kts"), "");
		assertThat(ReportSettings.defaultDirectory(project, null)).isEqualTo("target/choreo-report");
		assertThat(ReportSettings.defaultDirectory(Files.createDirectories(project.resolve("empty")), null))
			.isEqualTo("target/choreo-report");
	}

	@Test
	void aDirectorySettingWinsOverTheGradleDefault() {
		System.setProperty("org.gradle.test.worker", "7");
		assertThat(ReportSettings.resolve(parameters(Map.of("choreo.report.dir", "out/report"))).directory())
			.isEqualTo(Path.of("out/report").toAbsolutePath());
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

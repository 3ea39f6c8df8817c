package dev.choreo.autoconfigure;

import java.nio.file.Path;

import dev.choreo.junit.report.ChoreoReport;
import dev.choreo.junit.report.ReportOptions;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;

/**
 * Hands the {@code choreo.report.*} properties and the allowlist's source to the test
 * report. Settings left unset keep the report's own defaults and system properties.
 */
final class ReportConfigurer implements InitializingBean {

	private final ChoreoProperties properties;

	ReportConfigurer(ChoreoProperties properties) {
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		ChoreoProperties.Report report = this.properties.getReport();
		if (report.getDirectory() == null && report.getEnabled() == null && report.getProjectName() == null
				&& this.properties.getAllowlist().getFile() == null) {
			return;
		}
		ReportOptions options = ReportOptions.empty().withAllowlistSource(allowlistSource());
		Path directory = report.getDirectory();
		if (directory != null) {
			options = options.withDirectory(directory);
		}
		Boolean enabled = report.getEnabled();
		if (enabled != null) {
			options = options.withEnabled(enabled);
		}
		String projectName = report.getProjectName();
		if (projectName != null) {
			options = options.withProjectName(projectName);
		}
		ChoreoReport.configure(options);
	}

	private String allowlistSource() {
		Resource file = this.properties.getAllowlist().getFile();
		return (file != null) ? file.getDescription() : "choreo.allowlist properties";
	}

}

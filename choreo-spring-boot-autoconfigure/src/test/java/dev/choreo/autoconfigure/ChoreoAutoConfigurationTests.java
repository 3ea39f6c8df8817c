package dev.choreo.autoconfigure;

import java.nio.file.Path;

import dev.choreo.Harness;
import dev.choreo.Stage;
import dev.choreo.Unidentified;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.junit.report.ChoreoReport;
import dev.choreo.junit.report.ReportSettingsAccess;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoAutoConfiguration} and {@link ChoreoStageAutoConfiguration}
 * without any broker.
 */
class ChoreoAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoStageAutoConfiguration.class));

	@AfterEach
	void forgetReportSettings() {
		ChoreoReport.clearConfiguration();
	}

	@Test
	void createsTheFactoryAndNoStageWithoutHarnesses() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HarnessFactory.class);
			assertThat(context).hasSingleBean(ChoreoProperties.class);
			assertThat(context).doesNotHaveBean(Stage.class);
		});
	}

	@Test
	void buildsHarnessesFromThePropertiesWithTheFactory() {
		this.runner
			.withPropertyValues("choreo.default-timeout=3s", "choreo.correlation.policy=header",
					"choreo.correlation.header=x-trace", "choreo.slow-fails=false")
			.run((context) -> {
				Harness harness = context.getBean(HarnessFactory.class).connect("memory", InMemoryTransport.create());
				assertThat(harness.defaultTimeout()).hasSeconds(3);
				assertThat(harness.correlation().usesHeaders()).isTrue();
				assertThat(harness.correlation().toString()).isEqualTo("CorrelationPolicy.header(x-trace)");
				harness.close();
			});
	}

	@Test
	void ignoresMessagesWithoutAnIdUnlessToldToBroadcastThem() {
		this.runner.withPropertyValues("choreo.correlation.policy=field").run((context) -> {
			try (Harness harness = context.getBean(HarnessFactory.class)
				.connect("memory", InMemoryTransport.create())) {
				assertThat(harness.unidentified()).isEqualTo(Unidentified.IGNORE);
			}
		});
		this.runner.withPropertyValues("choreo.correlation.policy=field", "choreo.correlation.unidentified=broadcast")
			.run((context) -> {
				try (Harness harness = context.getBean(HarnessFactory.class)
					.connect("memory", InMemoryTransport.create())) {
					assertThat(harness.unidentified()).isEqualTo(Unidentified.BROADCAST);
				}
			});
	}

	@Test
	void letsHarnessCustomizersChangeEveryHarness() {
		this.runner
			.withBean(HarnessCustomizer.class,
					() -> (name, builder) -> builder.correlation(CorrelationPolicy.field("trace_" + name)))
			.run((context) -> {
				Harness harness = context.getBean(HarnessFactory.class).connect("memory", InMemoryTransport.create());
				assertThat(harness.correlation().toString()).isEqualTo("CorrelationPolicy.field(trace_memory)");
				harness.close();
			});
	}

	@Test
	void stagesEveryHarnessUnderItsBeanNameWithoutTheSuffix() {
		this.runner
			.withBean("ordersHarness", Harness.class,
					() -> Harness.builder(InMemoryTransport.create()).name("orders").build())
			.withBean("audit", Harness.class, () -> Harness.builder(InMemoryTransport.create()).name("audit").build())
			.run((context) -> assertThat(context.getBean(Stage.class).harnessNames())
				.containsExactlyInAnyOrder("orders", "audit"));
	}

	@Test
	void leavesTheReportAloneWhenNothingIsConfigured() {
		ChoreoReport.configure(dev.choreo.junit.report.ReportOptions.empty().withProjectName("from-another-context"));
		this.runner.run((context) -> assertThat(ReportSettingsAccess.projectName()).isEqualTo("from-another-context"));
	}

	@Test
	void handsTheReportPropertiesToTheReport() {
		this.runner
			.withPropertyValues("choreo.report.directory=build/reports/choreo", "choreo.report.project-name=orders",
					"choreo.report.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReportConfigurer.class);
				assertThat(ReportSettingsAccess.directory()).isEqualTo(Path.of("build/reports/choreo"));
				assertThat(ReportSettingsAccess.projectName()).isEqualTo("orders");
				assertThat(ReportSettingsAccess.enabled()).isFalse();
				assertThat(ReportSettingsAccess.allowlistSource()).isEqualTo("choreo.allowlist properties");
			});
	}

}

package dev.choreo.autoconfigure;

import dev.choreo.Codec;
import dev.choreo.Harness;
import dev.choreo.ScenarioObserver;
import dev.choreo.correlation.CorrelationPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of what every Choreo harness shares: the {@link ChoreoProperties}
 * and the {@link HarnessFactory} that builds harnesses from them. The broker
 * auto-configurations add one harness each.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(Harness.class)
@EnableConfigurationProperties(ChoreoProperties.class)
public final class ChoreoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HarnessFactory choreoHarnessFactory(ChoreoProperties properties, ObjectProvider<CorrelationPolicy> correlation,
			ObjectProvider<Codec> codec, ObjectProvider<ScenarioObserver> observers,
			ObjectProvider<HarnessCustomizer> customizers) {
		return new HarnessFactory(properties, correlation, codec, observers, customizers);
	}

	@Bean
	HarnessLifecycle choreoHarnessLifecycle(ObjectProvider<Harness> harnesses) {
		return new HarnessLifecycle(harnesses);
	}

	@Bean
	static DefaultHarnessPostProcessor choreoDefaultHarnessPostProcessor() {
		return new DefaultHarnessPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.choreo.junit.report.ChoreoReport")
	static class ReportConfiguration {

		@Bean
		ReportConfigurer choreoReportConfigurer(ChoreoProperties properties) {
			return new ReportConfigurer(properties);
		}

	}

}

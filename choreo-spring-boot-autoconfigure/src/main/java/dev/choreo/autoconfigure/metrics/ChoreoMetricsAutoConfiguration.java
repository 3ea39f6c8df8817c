package dev.choreo.autoconfigure.metrics;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of {@link ChoreoMetrics} when a {@link MeterRegistry} is present,
 * and of a {@code choreo.surprises} counter per harness. Without a registry, one line
 * says how to get one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ChoreoAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnProperty(name = "choreo.metrics.enabled", matchIfMissing = true)
public final class ChoreoMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MeterRegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChoreoMetrics choreoMetrics(MeterRegistry registry, ChoreoProperties properties) {
			return new ChoreoMetrics(registry, properties.getMetrics().getMaxTopics());
		}

		/**
		 * Binds a surprise counter per harness once every singleton exists, so binding
		 * never creates a harness while the registry is still being set up.
		 */
		@Bean
		SmartInitializingSingleton choreoSurpriseMetrics(ObjectProvider<Harness> harnesses,
				ObjectProvider<MeterRegistry> registry) {
			return () -> {
				MeterRegistry meters = registry.getObject();
				harnesses.orderedStream()
					.forEach((harness) -> FunctionCounter.builder("choreo.surprises", harness, Harness::surpriseCount)
						.description("Messages that reached a harness but no scenario claimed")
						.tag("harness", harness.name())
						.register(meters));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(type = "io.micrometer.core.instrument.MeterRegistry")
	static class NoMeterRegistryConfiguration {

		@Bean
		NoMetricsNotice choreoNoMetricsNotice() {
			return new NoMetricsNotice();
		}

	}

}

package dev.choreo.autoconfigure;

import dev.choreo.Codec;
import dev.choreo.Harness;
import dev.choreo.ScenarioObserver;
import dev.choreo.correlation.CorrelationPolicy;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of what every Choreo harness shares: the {@link ChoreoProperties},
 * the {@link HarnessFactory} that builds harnesses from them, their lifecycle, and the
 * wait for the application's listeners before the first scenario. The broker
 * auto-configurations add one harness each.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(Harness.class)
@EnableConfigurationProperties(ChoreoProperties.class)
public final class ChoreoAutoConfiguration {

	@Bean
	HarnessReadiness choreoHarnessReadiness(ObjectProvider<ListenerReadiness> listeners) {
		return new HarnessReadiness(listeners);
	}

	@Bean
	@ConditionalOnMissingBean
	HarnessFactory choreoHarnessFactory(ChoreoProperties properties, ObjectProvider<CorrelationPolicy> correlation,
			ObjectProvider<Codec> codec, ObjectProvider<ScenarioObserver> observers,
			ObjectProvider<HarnessCustomizer> customizers, HarnessReadiness readiness) {
		return new HarnessFactory(properties, correlation, codec, observers, customizers, readiness);
	}

	@Bean
	HarnessLifecycle choreoHarnessLifecycle(ObjectProvider<Harness> harnesses, HarnessReadiness readiness) {
		return new HarnessLifecycle(harnesses, readiness);
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "choreo.await-listeners.enabled", matchIfMissing = true)
	static class ListenerReadinessConfiguration {

		@Bean
		ListenerReadiness choreoListenerReadiness(ObjectProvider<ListenerProbe> probes, ChoreoProperties properties) {
			return new ListenerReadiness(probes, properties.getAwaitListeners().getTimeout());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.kafka.listener.MessageListenerContainer")
		static class KafkaListenersConfiguration {

			@Bean
			KafkaListenerProbe choreoKafkaListenerProbe(ListableBeanFactory beanFactory) {
				return new KafkaListenerProbe(beanFactory);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer")
		static class RabbitListenersConfiguration {

			@Bean
			RabbitListenerProbe choreoRabbitListenerProbe(ListableBeanFactory beanFactory) {
				return new RabbitListenerProbe(beanFactory);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.cloud.stream.binding.BindingService")
		static class StreamBindingsConfiguration {

			@Bean
			StreamBindingProbe choreoStreamBindingProbe(ObjectProvider<BindingService> bindingService) {
				return new StreamBindingProbe(bindingService);
			}

		}

	}

}

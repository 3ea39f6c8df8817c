package dev.choreo.autoconfigure.stream;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.stream.StreamTransport;

import java.io.IOException;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the {@code streamHarness}: topics are Spring Cloud Stream binding
 * destinations, published through the application's {@link StreamBridge} and received
 * through consumer bindings of its own on the application's binder
 * ({@code choreo.stream.binder}, or the default one), so any binder works. Without a
 * binder (none declared in {@code META-INF/spring.binders} and no {@link Binder} bean, as
 * with {@code @EnableTestBinder}) there is nothing to bind to, and no stream harness.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = "org.springframework.cloud.stream.function.FunctionConfiguration")
@ConditionalOnClass({ StreamBridge.class, StreamTransport.class })
@ConditionalOnProperty(name = "choreo.stream.enabled", matchIfMissing = true)
public final class ChoreoStreamAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "streamHarness")
	@ConditionalOnBean(StreamBridge.class)
	@Conditional(OnBinderCondition.class)
	Harness streamHarness(HarnessFactory harnesses, ApplicationContext context, ChoreoProperties properties) {
		StreamTransport.Builder builder = StreamTransport.builder(context);
		String binder = properties.getStream().getBinder();
		if (binder != null && !binder.isBlank()) {
			builder.binder(binder);
		}
		return harnesses.connect("stream", builder.build(), "the Spring Cloud Stream binder's configuration"
				+ ((binder != null && !binder.isBlank()) ? " (binder " + binder + ")" : ""));
	}

	/**
	 * Matches when the application has a binder: a binder jar on the class path or a
	 * binder bean.
	 */
	static final class OnBinderCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ClassLoader classLoader = context.getClassLoader();
			try {
				if (classLoader != null && classLoader.getResources("META-INF/spring.binders").hasMoreElements()) {
					return ConditionOutcome.match("a binder is declared in META-INF/spring.binders");
				}
			}
			catch (IOException ex) {
				// the class path cannot be read; a binder bean still counts
			}
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			if (beans != null && beans.getBeanNamesForType(Binder.class, true, false).length > 0) {
				return ConditionOutcome.match("a Spring Cloud Stream Binder bean is defined");
			}
			return ConditionOutcome
				.noMatch("no Spring Cloud Stream binder: none in META-INF/spring.binders and no Binder bean");
		}

	}

}

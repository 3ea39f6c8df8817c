package dev.choreo.test.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The first configuration {@link AutoConfigureChoreo @AutoConfigureChoreo} imports: on a
 * Spring Boot line Choreo does not support, its condition fails the context with one
 * clear message before any of Choreo's other auto-configurations is read. Written only
 * with types every Spring Boot line has; it defines no bean.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@Conditional(SupportedSpringBootAutoConfiguration.OnSupportedSpringBoot.class)
final class SupportedSpringBootAutoConfiguration {

	/**
	 * Matches on a supported Spring Boot line and throws on any other.
	 */
	static final class OnSupportedSpringBoot implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			SupportedSpringBoot.check();
			return true;
		}

	}

}

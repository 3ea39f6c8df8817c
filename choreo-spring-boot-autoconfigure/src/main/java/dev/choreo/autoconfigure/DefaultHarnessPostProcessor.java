package dev.choreo.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.choreo.Harness;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Makes the harness named by {@code choreo.default-transport} primary, so it is the one
 * injected by type when several brokers are in use. A harness bean the application itself
 * declares {@code @Primary} stays the primary one.
 */
final class DefaultHarnessPostProcessor implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(DefaultHarnessPostProcessor.class);

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		String name = (this.environment != null) ? this.environment.getProperty("choreo.default-transport") : null;
		if (name == null || name.isBlank()) {
			return;
		}
		String[] harnesses = beanFactory.getBeanNamesForType(Harness.class, true, false);
		String beanName = name.endsWith("Harness") ? name : name + "Harness";
		List<String> known = new ArrayList<>(List.of(harnesses));
		if (!known.contains(beanName)) {
			throw new IllegalStateException("choreo.default-transport is '" + name + "' but there is no harness bean '"
					+ beanName + "'; the harnesses are " + known
					+ ". Set it to one of them (without the Harness suffix) or remove it");
		}
		for (String harness : harnesses) {
			if (beanFactory.getBeanDefinition(harness).isPrimary()) {
				logger.info("choreo.default-transport is '" + name + "', but the application's harness bean '" + harness
						+ "' is @Primary and stays the one injected by type");
				return;
			}
		}
		for (String harness : harnesses) {
			BeanDefinition definition = beanFactory.getBeanDefinition(harness);
			definition.setPrimary(harness.equals(beanName));
		}
	}

}

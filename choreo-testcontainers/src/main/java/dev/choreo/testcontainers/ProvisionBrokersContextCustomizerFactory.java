package dev.choreo.testcontainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a test's application context at the brokers
 * {@link ProvisionBrokers @ProvisionBrokers} provided.
 */
class ProvisionBrokersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		List<Broker> brokers = brokers(testClass);
		if (brokers.isEmpty()) {
			return null;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Broker broker : brokers) {
			Provision provision = BrokerProvisioning.shared().provision(broker);
			properties.putAll(provision.properties());
		}
		return new ProvisionedBrokers(properties);
	}

	static List<Broker> brokers(Class<?> testClass) {
		List<Broker> brokers = new ArrayList<>();
		for (Class<?> type = testClass; type != null; type = TestContextAnnotationUtils.searchEnclosingClass(type)
				? type.getEnclosingClass() : null) {
			MergedAnnotation<ProvisionBrokers> annotation = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
				.get(ProvisionBrokers.class);
			if (annotation.isPresent()) {
				for (Broker broker : annotation.getEnumArray("value", Broker.class)) {
					if (!brokers.contains(broker)) {
						brokers.add(broker);
					}
				}
			}
		}
		return brokers;
	}

	/**
	 * Adds the provided brokers' properties. Equal for equal properties, so tests that
	 * need the same brokers share a cached context.
	 */
	static final class ProvisionedBrokers implements ContextCustomizer {

		private final Map<String, Object> properties;

		ProvisionedBrokers(Map<String, Object> properties) {
			this.properties = Map.copyOf(properties);
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("choreoProvisionedBrokers", this.properties));
		}

		Map<String, Object> properties() {
			return this.properties;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ProvisionedBrokers that && this.properties.equals(that.properties);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.properties);
		}

	}

}

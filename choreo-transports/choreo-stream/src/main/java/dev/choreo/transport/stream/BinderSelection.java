package dev.choreo.transport.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderTypeRegistry;
import org.springframework.cloud.stream.config.BinderProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Which binder the transport uses, read from the application's configuration the way the
 * binder factory reads it, without creating the binder or opening a socket.
 *
 * @param name the binder configuration name, or {@code null} when the configuration does
 * not decide (several binders and no default)
 * @param kind the kind of binder
 * @param environment the environment the binder sees: its own
 * {@code spring.cloud.stream.binders.<name>.environment} over the application's
 * @param ownEnvironment whether the binder has an environment of its own, so that the
 * application's connection details beans do not apply to it
 */
record BinderSelection(@Nullable String name, BinderKind kind, Environment environment, boolean ownEnvironment) {

	static final String TEST_BINDER_CLASS = "org.springframework.cloud.stream.binder.test.TestChannelBinder";

	static BinderSelection resolve(ApplicationContext context, @Nullable String requested) {
		Map<String, BinderProperties> configured = configuredBinders(context);
		String name = StringUtils.hasText(requested) ? requested : defaultBinder(context);
		String bean = binderBean(context, name);
		if (bean != null) {
			return new BinderSelection(bean, kindOfBean(context, bean), context.getEnvironment(), false);
		}
		if (name == null) {
			name = singleCandidate(context, configured);
		}
		if (name == null) {
			return new BinderSelection(null, BinderKind.OTHER, context.getEnvironment(), false);
		}
		BinderProperties properties = configured.get(name);
		if (properties == null) {
			return new BinderSelection(name, kindOfType(name), context.getEnvironment(), false);
		}
		String type = StringUtils.hasText(properties.getType()) ? properties.getType() : name;
		Map<String, Object> own = flatten(properties.getEnvironment());
		if (own.isEmpty()) {
			return new BinderSelection(name, kindOfType(type), context.getEnvironment(), false);
		}
		return new BinderSelection(name, kindOfType(type), environment(context, name, own, properties), true);
	}

	private static Map<String, BinderProperties> configuredBinders(ApplicationContext context) {
		BindingServiceProperties properties = context.getBeanProvider(BindingServiceProperties.class).getIfAvailable();
		return (properties != null) ? properties.getBinders() : Map.of();
	}

	private static @Nullable String defaultBinder(ApplicationContext context) {
		String name = context.getEnvironment().getProperty("spring.cloud.stream.default-binder");
		return StringUtils.hasText(name) ? name : null;
	}

	private static @Nullable String binderBean(ApplicationContext context, @Nullable String name) {
		String[] beans = context.getBeanNamesForType(Binder.class, false, false);
		for (String bean : beans) {
			if (bean.equals(name)) {
				return bean;
			}
		}
		return (beans.length == 1) ? beans[0] : null;
	}

	private static BinderKind kindOfBean(ApplicationContext context, String bean) {
		Class<?> type = context.getType(bean);
		if (type == null) {
			return BinderKind.OTHER;
		}
		return switch (type.getName()) {
			case TEST_BINDER_CLASS -> BinderKind.TEST;
			case "org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder" -> BinderKind.KAFKA;
			case "org.springframework.cloud.stream.binder.rabbit.RabbitMessageChannelBinder" -> BinderKind.RABBIT;
			default -> BinderKind.OTHER;
		};
	}

	private static BinderKind kindOfType(String type) {
		return switch (type) {
			case "kafka" -> BinderKind.KAFKA;
			case "rabbit" -> BinderKind.RABBIT;
			case "integration" -> BinderKind.TEST;
			default -> BinderKind.OTHER;
		};
	}

	private static @Nullable String singleCandidate(ApplicationContext context,
			Map<String, BinderProperties> configured) {
		List<String> candidates = new ArrayList<>();
		configured.forEach((name, properties) -> {
			if (properties.isDefaultCandidate()) {
				candidates.add(name);
			}
		});
		if (configured.isEmpty()) {
			BinderTypeRegistry registry = context.getBeanProvider(BinderTypeRegistry.class).getIfAvailable();
			if (registry != null) {
				candidates.addAll(registry.getAll().keySet());
			}
		}
		return (candidates.size() == 1) ? candidates.get(0) : null;
	}

	private static Environment environment(ApplicationContext context, String name, Map<String, Object> own,
			BinderProperties properties) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		if (properties.isInheritEnvironment() && context.getEnvironment() instanceof ConfigurableEnvironment parent) {
			sources.forEach((source) -> sources.remove(source.getName()));
			for (PropertySource<?> source : parent.getPropertySources()) {
				// the parent's view over its own sources would hide the binder's
				if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
					sources.addLast(source);
				}
			}
		}
		sources.addFirst(new MapPropertySource("binder " + name, own));
		return environment;
	}

	static Map<String, Object> flatten(Map<String, Object> nested) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", nested, flat);
		return flat;
	}

	private static void flatten(String prefix, Map<?, ?> nested, Map<String, Object> flat) {
		nested.forEach((key, value) -> {
			String name = prefix + key;
			if (value instanceof Map<?, ?> map) {
				flatten(name + ".", map, flat);
			}
			else if (value != null) {
				flat.put(name, value);
			}
		});
	}

}

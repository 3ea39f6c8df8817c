package dev.choreo.test.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Selects the application's messaging components for {@link ChoreoTest @ChoreoTest}.
 *
 * @since 0.1.0
 */
public final class ChoreoTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ChoreoTest> {

	private static final Set<String> LISTENER_ANNOTATIONS = Set.of("org.springframework.kafka.annotation.KafkaListener",
			"org.springframework.kafka.annotation.KafkaListeners", "org.springframework.kafka.annotation.KafkaHandler",
			"org.springframework.amqp.rabbit.annotation.RabbitListener",
			"org.springframework.amqp.rabbit.annotation.RabbitListeners",
			"org.springframework.amqp.rabbit.annotation.RabbitHandler",
			"org.springframework.jms.annotation.JmsListener");

	private static final Set<String> FUNCTION_TYPES = Set.of("java.util.function.Function",
			"java.util.function.Consumer", "java.util.function.Supplier", "java.util.function.BiFunction",
			"java.util.function.BiConsumer");

	private static final Set<String> MESSAGING_TYPES = Set.of("org.springframework.kafka.core.KafkaTemplate",
			"org.springframework.kafka.core.KafkaOperations", "org.springframework.kafka.core.ProducerFactory",
			"org.springframework.kafka.requestreply.ReplyingKafkaTemplate",
			"org.springframework.amqp.rabbit.core.RabbitTemplate",
			"org.springframework.amqp.rabbit.core.RabbitOperations", "org.springframework.amqp.core.AmqpTemplate",
			"org.springframework.data.redis.core.RedisTemplate",
			"org.springframework.data.redis.core.StringRedisTemplate",
			"org.springframework.data.redis.core.RedisOperations",
			"org.springframework.data.redis.connection.RedisConnectionFactory",
			"org.springframework.cloud.stream.function.StreamBridge", "io.nats.client.Connection",
			"io.nats.client.JetStream");

	private static final Set<String> MESSAGING_PACKAGES = Set.of("org.springframework.kafka.", "org.apache.kafka.",
			"org.springframework.amqp.", "com.rabbitmq.", "io.nats.", "org.springframework.data.redis.", "io.lettuce.",
			"org.springframework.cloud.stream.", "org.springframework.cloud.function.");

	private static final String CONFIGURATION_PROPERTIES = "org.springframework.boot.context.properties.ConfigurationProperties";

	private static final String BEAN = "org.springframework.context.annotation.Bean";

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String CONTROLLER_ADVICE = "org.springframework.web.bind.annotation.ControllerAdvice";

	private @Nullable ClassLoader classLoader;

	ChoreoTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		super.setBeanClassLoader(classLoader);
		this.classLoader = classLoader;
	}

	@Override
	protected boolean include(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		if (super.include(metadataReader, metadataReaderFactory)) {
			return true;
		}
		return isUseDefaultFilters() && isMessagingComponent(metadataReader.getAnnotationMetadata());
	}

	private boolean isMessagingComponent(AnnotationMetadata metadata) {
		if (metadata.hasMetaAnnotation(CONTROLLER) || metadata.hasAnnotation(CONTROLLER)
				|| metadata.hasAnnotation(CONTROLLER_ADVICE)) {
			return false;
		}
		if (metadata.hasAnnotation(CONFIGURATION_PROPERTIES)) {
			return true;
		}
		for (String annotation : LISTENER_ANNOTATIONS) {
			if (metadata.hasAnnotation(annotation) || metadata.hasAnnotatedMethods(annotation)) {
				return true;
			}
		}
		for (MethodMetadata method : metadata.getAnnotatedMethods(BEAN)) {
			String returned = method.getReturnTypeName();
			if (FUNCTION_TYPES.contains(returned) || isInMessagingPackage(returned)) {
				return true;
			}
		}
		return usesMessagingTypes(metadata.getClassName());
	}

	private boolean usesMessagingTypes(String className) {
		Class<?> type;
		try {
			type = ClassUtils.forName(className, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
		try {
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				for (Class<?> parameter : constructor.getParameterTypes()) {
					if (isMessagingType(parameter)) {
						return true;
					}
				}
			}
			for (Field field : type.getDeclaredFields()) {
				if (isMessagingType(field.getType())) {
					return true;
				}
			}
		}
		catch (LinkageError ex) {
			return false;
		}
		return false;
	}

	private static boolean isInMessagingPackage(String typeName) {
		for (String prefix : MESSAGING_PACKAGES) {
			if (typeName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMessagingType(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (MESSAGING_TYPES.contains(candidate.getName())) {
				return true;
			}
		}
		for (Class<?> implemented : type.getInterfaces()) {
			if (MESSAGING_TYPES.contains(implemented.getName())) {
				return true;
			}
		}
		return false;
	}

}

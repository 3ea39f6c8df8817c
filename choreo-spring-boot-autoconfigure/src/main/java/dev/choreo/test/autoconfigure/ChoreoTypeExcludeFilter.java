package dev.choreo.test.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Selects the application's messaging components for {@link ChoreoTest @ChoreoTest}. It
 * decides from class files alone (annotations, {@code @Bean} return types, the types of
 * constructor parameters and fields, and their superclasses and interfaces), as Spring
 * Boot's own slice filters do, so no scanned class is loaded or initialised to be judged.
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

	ChoreoTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected boolean include(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		if (super.include(metadataReader, metadataReaderFactory)) {
			return true;
		}
		return isUseDefaultFilters() && isMessagingComponent(metadataReader, metadataReaderFactory);
	}

	private boolean isMessagingComponent(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
		AnnotationMetadata metadata = metadataReader.getAnnotationMetadata();
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
		return usesMessagingTypes(metadataReader, metadataReaderFactory);
	}

	/**
	 * Whether a constructor parameter or a field of the class is a messaging type, judged
	 * from the class file and those of the types' supertypes, without loading any class.
	 */
	private boolean usesMessagingTypes(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
		Set<String> referenced;
		try (InputStream input = metadataReader.getResource().getInputStream()) {
			referenced = MemberTypes.read(input);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		for (String type : referenced) {
			if (isMessagingType(type, metadataReaderFactory, new HashSet<>())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMessagingType(String typeName, MetadataReaderFactory metadataReaderFactory,
			Set<String> seen) {
		if (MESSAGING_TYPES.contains(typeName)) {
			return true;
		}
		if (typeName.startsWith("java.") || !seen.add(typeName)) {
			return false;
		}
		ClassMetadata metadata;
		try {
			metadata = metadataReaderFactory.getMetadataReader(typeName).getClassMetadata();
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		String superClass = metadata.getSuperClassName();
		if (superClass != null && isMessagingType(superClass, metadataReaderFactory, seen)) {
			return true;
		}
		for (String implemented : metadata.getInterfaceNames()) {
			if (isMessagingType(implemented, metadataReaderFactory, seen)) {
				return true;
			}
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

}

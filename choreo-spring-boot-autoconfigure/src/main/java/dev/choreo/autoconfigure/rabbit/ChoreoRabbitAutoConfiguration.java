package dev.choreo.autoconfigure.rabbit;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.rabbitmq.RabbitTransport;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code rabbitHarness}, over the application's RabbitMQ
 * {@link ConnectionFactory} (the one Spring Boot builds from {@code spring.rabbitmq.*} or
 * a service connection). The harness opens its own channels and queues on the
 * application's connection and leaves the factory as it found it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass({ ConnectionFactory.class, RabbitTransport.class })
@ConditionalOnProperty(name = "choreo.rabbit.enabled", matchIfMissing = true)
public final class ChoreoRabbitAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "rabbitHarness")
	@ConditionalOnBean(ConnectionFactory.class)
	Harness rabbitHarness(HarnessFactory harnesses, ConnectionFactory connectionFactory, ChoreoProperties properties,
			Environment environment, ObjectProvider<RabbitConnectionDetails> details) {
		RabbitTransport transport = RabbitTransport.builder(connectionFactory)
			.exchange(properties.getRabbit().getExchange())
			.build();
		return harnesses.connect("rabbit", transport, configuredBy(environment, details.getIfAvailable()));
	}

	static String configuredBy(Environment environment, @Nullable RabbitConnectionDetails details) {
		if (details != null && !details.getClass().getSimpleName().startsWith("Properties")) {
			return "a service connection (" + details.getClass().getSimpleName() + ")";
		}
		if (environment.containsProperty("spring.rabbitmq.addresses")) {
			return "spring.rabbitmq.addresses";
		}
		return "spring.rabbitmq.host and spring.rabbitmq.port";
	}

}

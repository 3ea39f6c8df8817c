package dev.choreo.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;

import org.springframework.test.context.ActiveProfiles;

/**
 * The order service's messaging, with Choreo: the {@code @ChoreoTest} slice over every
 * broker the service uses, provided by {@code @ProvisionBrokers} (a local broker when one
 * listens, otherwise a container, and Kafka in-process), configured by
 * {@code application-test.yml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ChoreoTest
@ProvisionBrokers({ Broker.KAFKA, Broker.NATS, Broker.RABBITMQ, Broker.REDIS })
@ActiveProfiles("test")
@interface OrderServiceTest {

}

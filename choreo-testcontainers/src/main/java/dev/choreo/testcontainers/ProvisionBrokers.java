package dev.choreo.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provides the brokers a Spring test needs, and points the application at them. For each
 * broker, in order: a broker already listening on its local port (or named by an
 * environment variable such as {@code CHOREO_KAFKA_BOOTSTRAP}); a container, when Docker
 * is available; for Kafka, an in-process KRaft broker when {@code spring-kafka-test} is
 * on the class path. When none of them is possible the test class is skipped with the
 * reason, or fails when the system property {@code choreo.e2e.required} is {@code true}.
 * <pre class="code">
 * &#64;ChoreoTest
 * &#64;ProvisionBrokers({ Broker.KAFKA, Broker.NATS })
 * class OrderFlowTests {
 * }
 * </pre> Containers and embedded brokers are started once per JVM and shared by every
 * test that asks for them, so Spring's context cache keeps working.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProvisionBrokersCondition.class)
public @interface ProvisionBrokers {

	/**
	 * The brokers the test needs.
	 * @return the brokers
	 */
	Broker[] value();

}

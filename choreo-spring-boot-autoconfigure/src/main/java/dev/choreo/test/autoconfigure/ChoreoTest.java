package dev.choreo.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of an application's messaging: loads the broker auto-configuration (Kafka,
 * RabbitMQ, Redis, NATS, Spring Cloud Stream), Choreo, and the application's messaging
 * components, and leaves out the web and data layers, so the context starts fast.
 * <p>
 * Messaging components are the classes with {@code @KafkaListener} or
 * {@code @RabbitListener} methods, configuration classes that declare {@code Function},
 * {@code Consumer} or {@code Supplier} beans (Spring Cloud Stream functions), components
 * that use a broker template or connection ({@code KafkaTemplate},
 * {@code RabbitTemplate}, {@code RedisTemplate}, {@code StreamBridge}, a NATS
 * {@code Connection}), and {@code @ConfigurationProperties} classes. Add others with
 * {@link #includeFilters()}. <pre class="code">
 * &#64;ChoreoTest
 * class FraudCheckTests {
 *
 *     &#64;Test
 *     void approvesSmallOrders(Scenario scenario) {
 *         scenario.on("fraud.check").respond(Map.of("decision", "APPROVE"));
 *         scenario.expect("orders.approved", fieldEquals("orderId", "ORD-1"));
 *         scenario.publish("orders.created", Map.of("orderId", "ORD-1", "amount", 10)).awaitAll().assertPassed();
 *     }
 *
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ChoreoTestContextBootstrapper.class)
@ExtendWith({ SupportedSpringBootExtension.class, SpringExtension.class })
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ChoreoTypeExcludeFilter.class)
@AutoConfigureChoreo
@ImportAutoConfiguration
public @interface ChoreoTest {

	/**
	 * Properties in form {@literal key=value} added to the environment before the test
	 * runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether the default filters (messaging components) select the application's
	 * components; when {@code false}, only {@link #includeFilters()} do.
	 * @return whether default filters are used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Include filters that add otherwise filtered components to the context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * Exclude filters that remove components the default filters would add.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations to leave out for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}

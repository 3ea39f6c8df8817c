package dev.choreo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit Jupiter test class with Choreo and no Spring: before the class's first
 * test, a harness is built and connected for each broker configured, and closed after its
 * last. Test and lifecycle methods take a {@link dev.choreo.Harness} (the default one, or
 * the one named by {@link ChoreoHarness}), a {@link dev.choreo.Stage}, or a
 * {@link dev.choreo.Scenario} or {@link dev.choreo.StageScenario} named after the test
 * and closed after it. <pre class="code">
 * &#64;EnableChoreo
 * class OrderFlowTests {
 *
 *     &#64;Test
 *     void settlesAnOrder(Scenario s) {
 *         s.expect("orders.settled", fieldEquals("orderId", "ORD-1"));
 *         s.publish("orders.created", Map.of("orderId", "ORD-1")).awaitAll().assertPassed();
 *     }
 *
 * }
 * </pre>
 * <p>
 * Settings come from {@code choreo.yml} on the test class path, then
 * {@code choreo-<profile>.yml} for each of {@link #profiles()}, then
 * {@link #properties()}, then {@code CHOREO_*} environment variables, then JUnit
 * configuration parameters and system properties of the same names as the keys, each
 * overriding the ones before. The keys are those of the Spring Boot starter's
 * {@code choreo.*} properties, plus the brokers' addresses
 * ({@code choreo.kafka.bootstrap-servers}, {@code choreo.rabbit.uri} or
 * {@code choreo.rabbit.host}, {@code choreo.nats.servers}, {@code choreo.redis.url}); the
 * README of {@code choreo-junit} lists them all. A broker's harness needs its transport
 * module ({@code dev.choreo:choreo-kafka}, {@code choreo-rabbitmq}, {@code choreo-nats},
 * {@code choreo-redis}) on the test class path.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChoreoExtension.class)
public @interface EnableChoreo {

	/**
	 * Profiles whose {@code choreo-<profile>.yml} files are read after
	 * {@code choreo.yml}, in order; each must be on the test class path.
	 * @return the profiles
	 */
	String[] profiles() default {};

	/**
	 * Settings as {@code key=value} pairs, such as
	 * {@code "choreo.nats.servers=nats://127.0.0.1:4222"}, overriding the files; a list
	 * value is comma-separated.
	 * @return the settings
	 */
	String[] properties() default {};

}

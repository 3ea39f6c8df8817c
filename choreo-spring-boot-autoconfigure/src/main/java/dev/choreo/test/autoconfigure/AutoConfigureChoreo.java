package dev.choreo.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds Choreo to a test's application context: a harness per broker in use, a
 * {@link dev.choreo.Stage} over all of them, metrics, and injection of
 * {@link dev.choreo.Harness}, {@link dev.choreo.Stage}, {@link dev.choreo.Scenario} and
 * {@link dev.choreo.StageScenario} parameters into test methods. Use it on a
 * {@code @SpringBootTest} to test the whole application; {@link ChoreoTest @ChoreoTest}
 * uses it for a messaging slice. <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureChoreo
 * class OrderFlowIntegrationTests {
 *
 *     &#64;Test
 *     void settlesAnOrder(Scenario scenario) {
 *         scenario.expect("orders.settled", fieldEquals("status", "SETTLED"));
 *         scenario.publish("orders.created", Map.of("id", "ORD-1")).awaitAll().assertPassed();
 *     }
 *
 * }
 * </pre> The auto-configurations it imports are listed in
 * {@code META-INF/spring/dev.choreo.test.autoconfigure.AutoConfigureChoreo.imports}.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@ExtendWith({ SupportedSpringBootExtension.class, ChoreoTestExtension.class })
public @interface AutoConfigureChoreo {

}

package dev.choreo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the harness a {@link dev.choreo.Harness} or {@link dev.choreo.Scenario} parameter
 * of an {@link EnableChoreo} test gets: {@code kafka}, {@code rabbit}, {@code nats} or
 * {@code redis}. Without it, the parameter gets the default harness
 * ({@code choreo.default-transport}, or the only one). <pre class="code">
 * &#64;Test
 * void bridgesTheOrder(&#64;ChoreoHarness("kafka") Scenario kafka, &#64;ChoreoHarness("nats") Harness nats) {
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChoreoHarness {

	/**
	 * The harness name.
	 * @return the name
	 */
	String value();

}

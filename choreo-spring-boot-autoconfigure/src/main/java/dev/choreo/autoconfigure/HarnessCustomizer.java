package dev.choreo.autoconfigure;

import dev.choreo.Harness;

/**
 * Customizes every auto-configured {@link Harness} before it is built and connected:
 * register a bean of this type to set a codec, an observer or any other builder option.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HarnessCustomizer {

	/**
	 * Customize a harness builder.
	 * @param name the harness name ({@code kafka}, {@code rabbit}, {@code nats},
	 * {@code redis}, {@code stream})
	 * @param builder the builder
	 */
	void customize(String name, Harness.Builder builder);

}

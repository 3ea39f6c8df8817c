/**
 * The {@code @ChoreoTest} slice, {@code @AutoConfigureChoreo}, and parameter injection of
 * harnesses, stages and scenarios into tests.
 */
@NullMarked
package dev.choreo.test.autoconfigure;

import org.jspecify.annotations.NullMarked;

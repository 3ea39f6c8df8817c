/**
 * Auto-configuration of the Spring Cloud Stream harness.
 */
@NullMarked
package dev.choreo.autoconfigure.stream;

import org.jspecify.annotations.NullMarked;

/**
 * Choreo's public API: {@link dev.choreo.Harness}, {@link dev.choreo.Scenario}, handles,
 * results and {@link dev.choreo.Stage}.
 */
@NullMarked
package dev.choreo;

import org.jspecify.annotations.NullMarked;

/**
 * Benchmarks of the engine and the transports.
 */
@NullMarked
package dev.choreo.benchmarks;

import org.jspecify.annotations.NullMarked;

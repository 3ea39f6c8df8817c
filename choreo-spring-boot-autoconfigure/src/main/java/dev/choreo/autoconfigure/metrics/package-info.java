/**
 * Micrometer metrics for scenarios: expectation latency, outcomes, near-misses, surprises
 * and replies.
 */
@NullMarked
package dev.choreo.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;

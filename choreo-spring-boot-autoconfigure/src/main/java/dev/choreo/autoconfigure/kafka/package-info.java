/**
 * Auto-configuration of the Kafka harness.
 */
@NullMarked
package dev.choreo.autoconfigure.kafka;

import org.jspecify.annotations.NullMarked;

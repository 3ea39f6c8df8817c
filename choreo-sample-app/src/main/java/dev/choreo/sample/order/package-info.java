/**
 * Order processing: the Kafka listener and the processor that drives every hop.
 */
@NullMarked
package dev.choreo.sample.order;

import org.jspecify.annotations.NullMarked;

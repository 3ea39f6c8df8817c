/**
 * The fraud check: a NATS request to the fraud service.
 */
@NullMarked
package dev.choreo.sample.fraud;

import org.jspecify.annotations.NullMarked;

/**
 * Correlation policies: how a scope's id is stamped onto outbound messages and read from
 * inbound ones.
 */
@NullMarked
package dev.choreo.correlation;

import org.jspecify.annotations.NullMarked;

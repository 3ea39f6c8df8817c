/**
 * The Spring Cloud Stream function that requests shipments for accepted orders.
 */
@NullMarked
package dev.choreo.sample.shipping;

import org.jspecify.annotations.NullMarked;

/**
 * The NATS transport, built on the jnats client.
 */
@NullMarked
package dev.choreo.transport.nats;

import org.jspecify.annotations.NullMarked;

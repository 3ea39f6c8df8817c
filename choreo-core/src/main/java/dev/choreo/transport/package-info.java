/**
 * The transport SPI, the in-memory transport and the endpoint allowlist.
 */
@NullMarked
package dev.choreo.transport;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of the NATS harness, and NATS connection details.
 */
@NullMarked
package dev.choreo.autoconfigure.nats;

import org.jspecify.annotations.NullMarked;

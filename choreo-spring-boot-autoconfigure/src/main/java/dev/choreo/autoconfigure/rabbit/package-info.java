/**
 * Auto-configuration of the RabbitMQ harness.
 */
@NullMarked
package dev.choreo.autoconfigure.rabbit;

import org.jspecify.annotations.NullMarked;

/**
 * Testcontainers support: a NATS container with service connections, and provisioning of
 * the brokers a test needs (a local broker, a container, or an embedded Kafka).
 */
@NullMarked
package dev.choreo.testcontainers;

import org.jspecify.annotations.NullMarked;

/**
 * The Kafka transport, built on spring-kafka and the Kafka clients.
 */
@NullMarked
package dev.choreo.transport.kafka;

import org.jspecify.annotations.NullMarked;

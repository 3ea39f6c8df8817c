/**
 * An order-processing service: orders arrive on Kafka, a fraud check is a NATS request,
 * results go to Kafka, notifications to RabbitMQ, statuses to Redis, and shipments are
 * requested by a Spring Cloud Stream function.
 */
@NullMarked
package dev.choreo.sample;

import org.jspecify.annotations.NullMarked;

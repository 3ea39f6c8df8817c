/**
 * The RabbitMQ transport, built on spring-rabbit and the RabbitMQ Java client.
 */
@NullMarked
package dev.choreo.transport.rabbitmq;

import org.jspecify.annotations.NullMarked;

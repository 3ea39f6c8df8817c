/**
 * Customer notifications on RabbitMQ.
 */
@NullMarked
package dev.choreo.sample.notify;

import org.jspecify.annotations.NullMarked;

/**
 * The Redis transport, built on spring-data-redis and Lettuce: pub/sub channels or
 * streams.
 */
@NullMarked
package dev.choreo.transport.redis;

import org.jspecify.annotations.NullMarked;

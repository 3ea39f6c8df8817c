/**
 * Auto-configuration of the Redis harness.
 */
@NullMarked
package dev.choreo.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;

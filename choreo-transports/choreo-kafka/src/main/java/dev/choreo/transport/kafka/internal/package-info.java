/**
 * Classes the Kafka clients instantiate by name, so they must be public; not API.
 */
@NullMarked
package dev.choreo.transport.kafka.internal;

import org.jspecify.annotations.NullMarked;

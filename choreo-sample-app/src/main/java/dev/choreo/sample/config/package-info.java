/**
 * Broker configuration.
 */
@NullMarked
package dev.choreo.sample.config;

import org.jspecify.annotations.NullMarked;

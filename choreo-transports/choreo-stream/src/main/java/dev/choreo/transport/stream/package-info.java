/**
 * The Spring Cloud Stream transport: publishes through the application's
 * {@code StreamBridge} and subscribes with consumer bindings on the application's binder.
 */
@NullMarked
package dev.choreo.transport.stream;

import org.jspecify.annotations.NullMarked;

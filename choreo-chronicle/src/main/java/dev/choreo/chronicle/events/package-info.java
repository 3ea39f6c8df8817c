/**
 * The event log, its LISTEN/NOTIFY fan-out to every instance and the Server-Sent Events
 * hub.
 */
@NullMarked
package dev.choreo.chronicle.events;

import org.jspecify.annotations.NullMarked;

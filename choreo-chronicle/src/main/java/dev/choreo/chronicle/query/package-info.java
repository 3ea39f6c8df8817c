/**
 * Read services over the stored runs, topics, latencies and anomalies, shared by the API
 * and the dashboard.
 */
@NullMarked
package dev.choreo.chronicle.query;

import org.jspecify.annotations.NullMarked;

/**
 * Anomaly detection per topic after each ingest.
 */
@NullMarked
package dev.choreo.chronicle.anomaly;

import org.jspecify.annotations.NullMarked;

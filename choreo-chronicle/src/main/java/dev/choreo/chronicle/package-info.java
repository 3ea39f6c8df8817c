/**
 * Chronicle, the results server: keeps every run's test report, serves latency
 * percentiles over time, detects anomalies and streams events.
 */
@NullMarked
package dev.choreo.chronicle;

import org.jspecify.annotations.NullMarked;

/**
 * Database plumbing: the embedded PostgreSQL default, measurement partitions, latency
 * histograms.
 */
@NullMarked
package dev.choreo.chronicle.storage;

import org.jspecify.annotations.NullMarked;

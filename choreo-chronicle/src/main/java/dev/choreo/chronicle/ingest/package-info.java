/**
 * Ingest of test-report-v1 reports: schema validation, parsing, storage and roll-ups.
 */
@NullMarked
package dev.choreo.chronicle.ingest;

import org.jspecify.annotations.NullMarked;

/**
 * The Choreo test report: a JSON file ({@code results.json}, format test-report-v1) and a
 * self-contained HTML page ({@code index.html}) written at the end of every JUnit
 * Platform test run that has this module on its class path.
 * <p>
 * The report is on by default. {@link dev.choreo.junit.report.ChoreoReport} configures it
 * from code; the system properties and JUnit configuration parameters
 * {@code choreo.report.dir}, {@code choreo.report.enabled},
 * {@code choreo.report.project-name} and {@code choreo.report.stream-redaction} configure
 * it from the build. Errors of the report are logged as warnings and never change a
 * test's outcome.
 */
@NullMarked
package dev.choreo.junit.report;

import org.jspecify.annotations.NullMarked;

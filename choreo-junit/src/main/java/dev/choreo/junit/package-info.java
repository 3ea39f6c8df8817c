/**
 * Choreo in plain JUnit Jupiter, without Spring: {@link dev.choreo.junit.EnableChoreo} on
 * a test class builds a harness for each broker configured in {@code choreo.yml} (the
 * keys of the Spring Boot starter's {@code choreo.*} properties) and injects
 * {@link dev.choreo.Harness}, {@link dev.choreo.Stage}, {@link dev.choreo.Scenario} and
 * {@link dev.choreo.StageScenario} parameters.
 */
@NullMarked
package dev.choreo.junit;

import org.jspecify.annotations.NullMarked;

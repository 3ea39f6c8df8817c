package dev.choreo.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps {@link ChoreoTest @ChoreoTest} contexts.
 */
class ChoreoTestContextBootstrapper extends TestSliceTestContextBootstrapper<ChoreoTest> {

}

/**
 * Test support.
 */
@NullMarked
package dev.choreo.autoconfigure.testing;

import org.jspecify.annotations.NullMarked;

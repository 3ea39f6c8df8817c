/**
 * Test doubles and helpers shared by the engine's tests.
 */
@NullMarked
package dev.choreo.testing;

import org.jspecify.annotations.NullMarked;

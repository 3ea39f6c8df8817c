/**
 * Chronicle's benchmark (a main class, not a test).
 */
@NullMarked
package dev.choreo.chronicle.bench;

import org.jspecify.annotations.NullMarked;

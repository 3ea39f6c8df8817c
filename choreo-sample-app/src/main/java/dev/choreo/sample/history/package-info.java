/**
 * Order history: every checked order, kept in the database.
 */
@NullMarked
package dev.choreo.sample.history;

import org.jspecify.annotations.NullMarked;

/**
 * Matchers: predicates over decoded payloads and message metadata, with structured
 * failure reasons.
 */
@NullMarked
package dev.choreo.match;

import org.jspecify.annotations.NullMarked;

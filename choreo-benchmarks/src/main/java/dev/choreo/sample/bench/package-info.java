/**
 * Start-up of the order service's test contexts: the Choreo slice against the whole
 * application.
 */
@NullMarked
package dev.choreo.sample.bench;

import org.jspecify.annotations.NullMarked;

/**
 * Types that must be public across Choreo's own modules but are not API: no compatibility
 * promise.
 */
@NullMarked
package dev.choreo.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of Choreo harnesses and stages from {@code choreo.*} properties.
 */
@NullMarked
package dev.choreo.autoconfigure;

import org.jspecify.annotations.NullMarked;

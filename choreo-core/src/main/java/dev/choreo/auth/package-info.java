/**
 * Typed broker credentials and the resolvers that supply them at connect time; secrets
 * never reach a log or a {@code toString}.
 */
@NullMarked
package dev.choreo.auth;

import org.jspecify.annotations.NullMarked;

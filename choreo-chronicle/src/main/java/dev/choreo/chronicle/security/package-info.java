/**
 * Tenant tokens, the admin token and tenant names.
 */
@NullMarked
package dev.choreo.chronicle.security;

import org.jspecify.annotations.NullMarked;

/**
 * The dashboard: server-rendered pages over the query services, signed in with a tenant
 * token.
 */
@NullMarked
package dev.choreo.chronicle.dashboard;

import org.jspecify.annotations.NullMarked;

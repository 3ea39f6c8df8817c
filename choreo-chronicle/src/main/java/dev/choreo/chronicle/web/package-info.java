/**
 * The HTTP API under {@code /api/v1}.
 */
@NullMarked
package dev.choreo.chronicle.web;

import org.jspecify.annotations.NullMarked;
